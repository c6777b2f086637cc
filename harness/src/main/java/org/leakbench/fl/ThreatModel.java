package org.leakbench.fl;

import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ObservedRound;

/**
 * Who attacks and what they see. A threat model may change what the server sends
 * ({@link #modelToSend}, only a malicious server does) and cuts an {@link ObservedRound} out of a
 * {@link RoundRecord}.
 */
public interface ThreatModel {
    /** What the server sends in {@code round}; honest servers send the global model unchanged. */
    default SentModel modelToSend(int round, Model model, List<Tensor> params) {
        return new SentModel(model, params);
    }

    /**
     * What the attacker observes of {@code record}. {@code clientId} is the victim for a server, and the
     * curious client itself for {@link CuriousClient}.
     */
    ObservedRound observe(RoundRecord record, int clientId);

    String name();
}
