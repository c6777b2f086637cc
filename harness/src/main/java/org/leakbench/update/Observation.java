package org.leakbench.update;

import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * What an attacker on the server sees of one round: the model and the parameters it sent, one update
 * (a client's, or the aggregate when aggregation is secure), and public facts about the round. It never
 * holds the private batch; metrics compare with the truth only after the attack has finished.
 *
 * @param model       the architecture the clients ran (for a malicious server, the modified one)
 * @param parameters  the global parameters the clients started from
 * @param update      one tensor per parameter: a gradient (FedSGD) or θ_before − θ_after (FedAvg)
 * @param kind        which of the two the update is
 * @param batchSize   number of samples behind the update (public in FedSGD, often assumed known)
 * @param localSteps  FedAvg local steps (1 for a gradient)
 * @param learningRate FedAvg local learning rate (1 for a gradient)
 * @param runningStatistics the BatchNorm running statistics the server sent with the model, in
 *                    {@link Model#bufferShapes()} order (empty for a model without BatchNorm, or when not given)
 * @param batchStatistics the victim batch's own BatchNorm statistics (per layer its mean and unbiased variance, in
 *                    the same layout) when the client disclosed them, as a FedAvg client does by sending its updated
 *                    running statistics; empty when the server does not learn them
 */
public record Observation(
        Model model,
        List<Tensor> parameters,
        List<Tensor> update,
        Kind kind,
        int batchSize,
        int localSteps,
        double learningRate,
        List<Tensor> runningStatistics,
        List<Tensor> batchStatistics) {
    public enum Kind {
        GRADIENT,
        WEIGHT_DIFFERENCE
    }

    public Observation {
        if (parameters.size() != model.parameterShapes().size() || update.size() != parameters.size()) {
            throw new IllegalArgumentException(
                    "observation: model has " + model.parameterShapes().size()
                            + " parameter tensors but " + parameters.size() + " parameters and " + update.size()
                            + " update tensors were given");
        }
        if (batchSize < 1 || localSteps < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("observation: batchSize and localSteps must be >= 1 and "
                    + "learningRate > 0, got " + batchSize + ", " + localSteps + ", " + learningRate);
        }
        runningStatistics = checkStatistics(model, runningStatistics, "running");
        batchStatistics = checkStatistics(model, batchStatistics, "batch");
    }

    /** An observation without BatchNorm statistics. */
    public Observation(
            Model model,
            List<Tensor> parameters,
            List<Tensor> update,
            Kind kind,
            int batchSize,
            int localSteps,
            double learningRate) {
        this(model, parameters, update, kind, batchSize, localSteps, learningRate, List.of(), List.of());
    }

    /** This observation with the BatchNorm statistics the server holds ({@code running}) or learnt ({@code batch}). */
    public Observation withBatchNormStatistics(List<Tensor> running, List<Tensor> batch) {
        return new Observation(model, parameters, update, kind, batchSize, localSteps, learningRate, running, batch);
    }

    private static List<Tensor> checkStatistics(Model model, List<Tensor> stats, String which) {
        if (stats == null || stats.isEmpty()) {
            return List.of();
        }
        int expected = model.bufferShapes().size();
        if (stats.size() != expected) {
            throw new IllegalArgumentException("observation: model has " + expected + " BatchNorm statistics but "
                    + stats.size() + " " + which + " statistics were given");
        }
        return List.copyOf(stats);
    }

    /** A FedSGD observation: one gradient. */
    public static Observation gradient(Model model, List<Tensor> parameters, List<Tensor> gradient, int batchSize) {
        return new Observation(model, parameters, gradient, Kind.GRADIENT, batchSize, 1, 1.0);
    }

    /** Whether every value of the update is finite (a NaN or infinity leaves nothing to invert). */
    public boolean finiteUpdate() {
        for (Tensor t : update) {
            for (double v : t.toDoubleArray()) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The update as a gradient-like signal: a FedAvg weight difference divided by lr·steps, which is
     * the average gradient along the local trajectory (the approximation breaching's attacks make).
     */
    public List<Tensor> gradientSignal() {
        if (kind == Kind.GRADIENT) {
            return update;
        }
        double s = 1.0 / (learningRate * localSteps);
        return update.stream().map(t -> t.backend().scale(t, s)).toList();
    }
}
