package org.leakbench.fl;

import org.leakbench.update.ObservedRound;
import org.leakbench.update.Update;

/**
 * A server that follows the protocol but looks at what it receives: each client's update, or under secure
 * aggregation only the mean of the round (then every participant's rows are behind it).
 */
public final class HonestButCuriousServer implements ThreatModel {
    @Override
    public ObservedRound observe(RoundRecord r, int clientId) {
        return serverView(r, clientId);
    }

    /** The server's view of the victim {@code clientId}, shared with {@link MaliciousServer}. */
    static ObservedRound serverView(RoundRecord r, int clientId) {
        int i = r.requireParticipant(clientId);
        if (r.individualUpdatesSeen()) {
            Update u = r.updates().get(i);
            return new ObservedRound(
                    r.sentParams(), r.sentModel(), u, r.examples()[i], u.kind(), u.localSteps(), u.lr(), new int[] {
                        clientId
                    });
        }
        Update mean = r.aggregate().mean();
        return new ObservedRound(
                r.sentParams(),
                r.sentModel(),
                mean,
                r.totalExamples(),
                mean.kind(),
                mean.localSteps(),
                mean.lr(),
                r.participants());
    }

    @Override
    public String name() {
        return "honest-but-curious-server";
    }
}
