package org.leakbench.fl;

import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * Everything that happened in one round, from which a {@link ThreatModel} cuts what its attacker sees.
 *
 * @param round                 round number, from 0
 * @param options               the run's options
 * @param sentModel             the architecture the server sent
 * @param sentParams            the parameters the server sent (equal to {@code paramsBefore} unless tampered)
 * @param participants          sampled client ids, ascending
 * @param updates               each participant's update after its defense, same order
 * @param examples              rows behind each participant's update, same order
 * @param aggregate             the aggregation result
 * @param individualUpdatesSeen whether the server saw each update (false under secure aggregation)
 * @param paramsBefore          the global parameters at the start of the round
 * @param paramsAfter           the global parameters after the server step
 */
public record RoundRecord(
        int round,
        FlOptions options,
        Model sentModel,
        List<Tensor> sentParams,
        int[] participants,
        List<Update> updates,
        int[] examples,
        Aggregate aggregate,
        boolean individualUpdatesSeen,
        List<Tensor> paramsBefore,
        List<Tensor> paramsAfter) {
    /** Position of {@code clientId} among the participants, or −1. */
    public int indexOf(int clientId) {
        for (int i = 0; i < participants.length; i++) {
            if (participants[i] == clientId) {
                return i;
            }
        }
        return -1;
    }

    int requireParticipant(int clientId) {
        int i = indexOf(clientId);
        if (i < 0) {
            throw new IllegalArgumentException("client " + clientId + " did not take part in round " + round
                    + " (participants " + java.util.Arrays.toString(participants) + ")");
        }
        return i;
    }

    int totalExamples() {
        int n = 0;
        for (int e : examples) {
            n += e;
        }
        return n;
    }
}
