package org.leakbench.fl;

import java.util.List;
import java.util.function.Function;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ObservedRound;

/**
 * A server that, in one chosen round, sends parameters of its own making (and possibly a different
 * architecture, e.g. with an imprint layer as in Fowl et al., ICLR 2022) to make the updates leak more.
 * It then sees what an honest-but-curious server sees. The simulation does not apply the tampered round's
 * updates to the global model: they were computed for the attack, not for training.
 */
public final class MaliciousServer implements ThreatModel {
    private final int round;
    private final Model replacementModel;
    private final Function<List<Tensor>, List<Tensor>> replaceParams;

    /**
     * @param round            the round in which to tamper
     * @param replacementModel the architecture to send, or null to keep the real one
     * @param replaceParams    maps the honest global parameters to the ones sent (they must fit the model
     *                         sent)
     */
    public MaliciousServer(int round, Model replacementModel, Function<List<Tensor>, List<Tensor>> replaceParams) {
        if (round < 0) {
            throw new IllegalArgumentException("malicious server: round must be >= 0, got " + round);
        }
        if (replaceParams == null) {
            throw new IllegalArgumentException("malicious server: the parameter replacement must be given");
        }
        this.round = round;
        this.replacementModel = replacementModel;
        this.replaceParams = replaceParams;
    }

    /** Same architecture, replaced parameters. */
    public MaliciousServer(int round, Function<List<Tensor>, List<Tensor>> replaceParams) {
        this(round, null, replaceParams);
    }

    public int round() {
        return round;
    }

    /** Whether this server tampers with {@code r}. */
    public boolean tampers(int r) {
        return r == round;
    }

    @Override
    public SentModel modelToSend(int r, Model model, List<Tensor> params) {
        if (r != round) {
            return new SentModel(model, params);
        }
        Model m = replacementModel == null ? model : replacementModel;
        List<Tensor> p = replaceParams.apply(params);
        if (p == null || p.size() != m.parameterShapes().size()) {
            throw new IllegalArgumentException("malicious server: replacement gives "
                    + (p == null ? "null" : p.size() + " tensors") + " but model "
                    + m.spec().label() + " has "
                    + m.parameterShapes().size() + " parameters");
        }
        for (int i = 0; i < p.size(); i++) {
            if (!java.util.Arrays.equals(
                    p.get(i).shape(), m.parameterShapes().get(i).shape())) {
                throw new IllegalArgumentException("malicious server: replacement parameter " + i + " ("
                        + m.parameterShapes().get(i).name() + ") has shape "
                        + java.util.Arrays.toString(p.get(i).shape()) + ", model expects "
                        + java.util.Arrays.toString(m.parameterShapes().get(i).shape()));
            }
        }
        return new SentModel(m, p);
    }

    @Override
    public ObservedRound observe(RoundRecord r, int clientId) {
        return HonestButCuriousServer.serverView(r, clientId);
    }

    @Override
    public String name() {
        return "malicious-server";
    }
}
