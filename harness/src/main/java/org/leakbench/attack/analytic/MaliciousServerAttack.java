package org.leakbench.attack.analytic;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.attack.Attack;
import org.leakbench.component.ParameterView;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * An attack of an actively malicious server: before the round it replaces the model it sends (its architecture,
 * its parameters or both), then reads the victims' data off the update computed on that model. The pipeline asks
 * for {@link #modelToSend} first, lets the victim compute its update on what was sent, and then calls
 * {@link Attack#run} on that update.
 */
public interface MaliciousServerAttack extends Attack {
    /**
     * What the server sends instead of the honest model.
     *
     * @param honest        the global model the clients would otherwise train
     * @param params        its current parameters
     * @param publicSamples data the server holds itself (never the victim's), flattened, for calibration
     * @param batch         the clients' batch size, which the server knows from the protocol
     * @param rng           the server's randomness
     */
    ServerModel modelToSend(
            Model honest, List<Tensor> params, float[][] publicSamples, int batch, SplittableRandom rng);

    /**
     * Why this attack is meaningless at {@code point} (its batch, its model) with its settings, naming the field
     * at fault, or null when it is not. Checked before a sweep runs.
     */
    default String refusal(ParameterView point) {
        return null;
    }

    /** The share of a batch of {@code batch} this attack is expected to recover in closed form, or NaN. */
    default double expectedRecoveredFraction(int batch) {
        return Double.NaN;
    }
}
