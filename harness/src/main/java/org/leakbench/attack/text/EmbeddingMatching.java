package org.leakbench.attack.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Transformer;
import org.leakbench.optim.Objective;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * LAMP's continuous objective (Balunović et al. 2022) on token embeddings e [b, n, d], fed to the transformer in
 * place of looked-up ones ({@link Transformer#logitsOfEmbeddings}): a distance between the gradient they produce
 * and the observed one, either the cosine distance taken per parameter tensor and averaged over them (LAMP's
 * L_cos), optionally plus a weight times the squared L2 distance, or the paper's other variant LAMP_{L2+L1}, the
 * squared L2 distance plus α times the L1 distance over all matched tensors; plus the embedding-norm regulariser β · Σ_b (mean_t ‖e_bt‖ − m)², where m is the mean
 * norm of the vocabulary's embeddings, which keeps the iterate at the scale of real tokens. The labels are fixed
 * (read off the output bias).
 *
 * <p>The token-embedding table is left out of the match: free embeddings do not read it, so their gradient of it
 * is zero whatever they are, and matching it would only add a constant (cosine: a whole layer stuck at distance 1
 * that drowns the others' signal in a global cosine). What that table's observed gradient does tell the attacker
 * (which tokens occur) is used by {@link TokenRounding} instead. A per-tensor cosine also keeps the small
 * tensors that carry the order of the tokens (position embedding, attention) from being outweighed by the big
 * ones.
 */
final class EmbeddingMatching implements Objective {
    /** Index of the first matched parameter tensor: all but the token-embedding table (index 0). */
    private static final int MATCHED_FROM = 1;

    private final Transformer model;
    private final Backend be;
    private final List<Var> params;
    private final List<Var> target;
    private final int[] labels;
    private final int[] shape;
    private final LampOptions.Loss loss;
    private final double l2Weight;
    private final double l1Weight;
    private final double normWeight;
    private final double meanTokenNorm;
    private final double[] tokenTableGradient;

    /** LAMP_cos plus {@code l2Weight} times the squared L2 distance. */
    EmbeddingMatching(Observation obs, Transformer model, int[] labels, double l2Weight, double normWeight) {
        this(obs, model, labels, LampOptions.Loss.COS, l2Weight, 0, normWeight);
    }

    /**
     * @param l2Weight weight of the squared L2 distance next to the cosine ({@link LampOptions.Loss#COS})
     * @param l1Weight α, weight of the L1 distance next to the squared L2 one ({@link LampOptions.Loss#L2L1})
     */
    EmbeddingMatching(
            Observation obs,
            Transformer model,
            int[] labels,
            LampOptions.Loss loss,
            double l2Weight,
            double l1Weight,
            double normWeight) {
        this.model = model;
        List<Tensor> p = obs.parameters();
        this.be = p.get(0).backend();
        this.params = new ArrayList<>();
        for (Tensor t : p) {
            params.add(Var.leaf(be.cast(t, DType.F64), "param"));
        }
        this.target = new ArrayList<>();
        this.tokenTableGradient = obs.gradientSignal().get(0).toDoubleArray();
        for (Tensor t : obs.gradientSignal().subList(MATCHED_FROM, p.size())) {
            target.add(Var.constant(be.cast(be.from(t), DType.F64)));
        }
        this.labels = labels.clone();
        this.shape = new int[] {obs.batchSize(), model.spec().inputShape()[0], model.dModel()};
        this.loss = loss;
        this.l2Weight = l2Weight;
        this.l1Weight = l1Weight;
        this.normWeight = normWeight;
        this.meanTokenNorm = meanRowNorm(tokenEmbeddings());
    }

    /** The token embedding table [V][d] of the observed parameters. */
    double[][] tokenEmbeddings() {
        double[] e = params.get(0).value().toDoubleArray();
        int d = shape[2];
        double[][] rows = new double[e.length / d][d];
        for (int v = 0; v < rows.length; v++) {
            System.arraycopy(e, v * d, rows[v], 0, d);
        }
        return rows;
    }

    /**
     * The tokens whose row of the observed token-embedding gradient is not zero: those that occur in the batch
     * (an embedding row is only read, and so only gets a gradient, where its token stands). Every token when no
     * row is zero, as under noise, where the table tells nothing.
     */
    boolean[] occurringTokens() {
        int d = shape[2];
        boolean[] seen = new boolean[tokenTableGradient.length / d];
        int count = 0;
        for (int v = 0; v < seen.length; v++) {
            for (int j = 0; j < d && !seen[v]; j++) {
                seen[v] = tokenTableGradient[v * d + j] != 0;
            }
            count += seen[v] ? 1 : 0;
        }
        if (count == 0) {
            Arrays.fill(seen, true);
        }
        return seen;
    }

    /** b · n · d. */
    int dimension() {
        return shape[0] * shape[1] * shape[2];
    }

    int[] shape() {
        return shape.clone();
    }

    @Override
    public double evaluate(double[] z, double[] gradient) {
        Var e = Var.leaf(be.fromArray(z, DType.F64, shape), "embeddings");
        Var objective = objective(e);
        double[] g = Autodiff.grad(objective, List.of(e), false).get(0).value().toDoubleArray();
        System.arraycopy(g, 0, gradient, 0, g.length);
        return objective.value().item();
    }

    /** The gradient distance alone (no regulariser) of embeddings z, which LAMP's discrete step ranks by. */
    double distance(double[] z) {
        Var e = Var.constant(be.fromArray(z, DType.F64, shape));
        return gradientDistance(e).value().item();
    }

    private Var objective(Var e) {
        Var total = gradientDistance(e);
        if (normWeight > 0) {
            int b = shape[0];
            int n = shape[1];
            Var norms =
                    Ops.sqrt(Ops.addScalar(Ops.sumTo(Ops.square(Ops.reshape(e, b * n, shape[2])), b * n, 1), 1e-12));
            Var meanNorm = Ops.scale(Ops.sumTo(Ops.reshape(norms, b, n), b, 1), 1.0 / n);
            Var gap = Ops.addScalar(meanNorm, -meanTokenNorm);
            total = Ops.add(total, Ops.scale(Ops.sumOfSquares(gap), normWeight));
        }
        return total;
    }

    private Var gradientDistance(Var e) {
        Var task = Losses.crossEntropy(model.logitsOfEmbeddings(e, params), labels);
        List<Var> g = Autodiff.grad(task, params.subList(MATCHED_FROM, params.size()), true);
        if (this.loss == LampOptions.Loss.L2L1) {
            Var l2 = Losses.squaredDistance(g, target);
            return l1Weight > 0 ? Ops.add(l2, Ops.scale(Losses.l1Distance(g, target), l1Weight)) : l2;
        }
        Var d = null;
        for (int i = 0; i < g.size(); i++) {
            Var layer = Losses.cosineDistance(List.of(g.get(i)), List.of(target.get(i)));
            d = d == null ? layer : Ops.add(d, layer);
        }
        d = Ops.scale(d, 1.0 / g.size());
        return l2Weight > 0 ? Ops.add(d, Ops.scale(Losses.squaredDistance(g, target), l2Weight)) : d;
    }

    private static double meanRowNorm(double[][] rows) {
        double sum = 0;
        for (double[] r : rows) {
            double s = 0;
            for (double v : r) {
                s += v * v;
            }
            sum += Math.sqrt(s);
        }
        return sum / rows.length;
    }
}
