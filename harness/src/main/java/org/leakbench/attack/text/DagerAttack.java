package org.leakbench.attack.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.inversion.LabelRecovery;
import org.leakbench.model.Transformer;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * DAGER, exact gradient inversion of text (Petrov, Dimitrov, Baader, Müller, Vechev, DAGER: Exact Gradient
 * Inversion for Large Language Models, NeurIPS 2024). The gradient of a linear layer's weight is Σ δ_r z_rᵀ over
 * the b·n rows z_r it read, so its row space lies in their span and has rank at most b·n. For the first block's
 * q/k/v projection the rows are LayerNorm(token embedding + position embedding): a token v is a candidate at
 * position p when that vector lies in the span, to within {@link DagerOptions#threshold()} (relative distance
 * to an orthonormal basis of the row space, {@link RowSpan}). LayerNorm only rescales a centred sum, so with
 * learned position embeddings a token of the batch passes at every position, as the paper notes for GPT-2: this
 * filter yields the batch's tokens, and the order comes from the next layer. Sequences grow position by position:
 * a prefix extended by a candidate is kept when the first block's MLP input at the new position, which depends
 * only on the prefix under causal attention, lies in the span of that MLP layer's weight gradient. (The next
 * block's q/k/v gradient, which the paper uses, does not serve here: the loss reads the last position only, so
 * in the last block keys and values reach it only mixed by the attention weights.)
 *
 * <p>Limits. The tests separate tokens only while their spans are not the whole space: b·n &lt; d for the MLP
 * input, and (distinct tokens of the batch + n) below the rank of all token-position rows for the first filter.
 * Beyond, every candidate passes and the attack returns windows of −1 (no token) rather than a guess; near the
 * limit false candidates pass too, and the search keeps the {@link DagerOptions#maxPrefixes()} closest prefixes.
 * With one block no layer sees a prefix, so only positions with a single candidate are recovered. Windows
 * repeated in the batch come back once. Gradients must be FedSGD's: a FedAvg update mixes several steps. The
 * result's objective is the first layer's numerical rank.
 */
public final class DagerAttack implements Attack {
    /** An id for a position the attack could not resolve: a value no token has. */
    static final int UNKNOWN = -1;

    private final DagerOptions options;

    public DagerAttack(DagerOptions options) {
        this.options = options;
    }

    @Override
    public String name() {
        return "dager";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        if (!(obs.model() instanceof Transformer model)) {
            return AttackResult.failed(
                    "dager reads the gradient of a transformer's first self-attention layer; model "
                            + obs.model().spec().family() + " has none",
                    millis(start));
        }
        if (!obs.finiteUpdate()) {
            return AttackResult.empty(AttackResult.DIVERGED, 0, millis(start));
        }
        List<Tensor> g = obs.gradientSignal();
        int batch = obs.batchSize();
        int context = model.spec().inputShape()[0];
        int[] labels = LabelRecovery.batchLabels(g, batch);
        RowSpan first = span(g.get(model.qkvWeightIndex(0)));
        int[][] unknown = new int[batch][context];
        for (int[] row : unknown) {
            Arrays.fill(row, UNKNOWN);
        }
        AttentionRows rows = new AttentionRows(model, obs.parameters());
        int vocabulary = model.spec().numClasses();
        double[][][] tokenRows = rows.of(constantWindows(vocabulary, context), false);
        if (first.rank() >= reachableRank(tokenRows)) {
            return result(unknown, labels, first, start);
        }
        List<List<Integer>> candidates = candidates(first, tokenRows);
        RowSpan second = model.blocks() > 1 ? span(g.get(model.mlpWeightIndex(0))) : null;
        if (second == null || second.rank() >= model.dModel() - 1) {
            return result(pinned(candidates, batch, context), labels, first, start);
        }
        List<Prefix> prefixes = List.of(new Prefix(new int[0], 0));
        for (int p = 0; p < context && !prefixes.isEmpty(); p++) {
            if (ctx.stopRequested()) {
                return AttackResult.empty(ctx.stopStatus(), p, millis(start));
            }
            prefixes = extend(prefixes, candidates.get(p), second, rows, p);
        }
        prefixes = prefixes.stream()
                .filter(x -> x.tokens.length == context)
                .limit(batch)
                .toList();
        int[][] out = new int[prefixes.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = prefixes.get(i).tokens;
        }
        return result(out, labels, first, start);
    }

    /** A prefix that passed every span test so far, with the largest distance it met. */
    private record Prefix(int[] tokens, double distance) {}

    /** Window v holds token v at every position. */
    private static int[][] constantWindows(int vocabulary, int context) {
        int[][] constant = new int[vocabulary][context];
        for (int v = 0; v < vocabulary; v++) {
            Arrays.fill(constant[v], v);
        }
        return constant;
    }

    /** The dimension spanned by every token at every position: a span this large admits all of them. */
    private static int reachableRank(double[][][] tokenRows) {
        int n = tokenRows.length * tokenRows[0].length;
        int d = tokenRows[0][0].length;
        double[] all = new double[n * d];
        int at = 0;
        for (double[][] window : tokenRows) {
            for (double[] row : window) {
                System.arraycopy(row, 0, all, at, d);
                at += d;
            }
        }
        return RowSpan.of(all, n, d, Math.ulp(1.0) * 16).rank();
    }

    /**
     * The tokens whose first-block input at each position lies in the first span. Block 0 reads token plus
     * position embeddings before any attention, so the rows of the constant windows cover every pair.
     */
    private List<List<Integer>> candidates(RowSpan first, double[][][] tokenRows) {
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 0; p < tokenRows[0].length; p++) {
            List<Integer> at = new ArrayList<>();
            for (int v = 0; v < tokenRows.length; v++) {
                if (first.relativeDistance(tokenRows[v][p]) < options.threshold()) {
                    at.add(v);
                }
            }
            out.add(at);
        }
        return out;
    }

    /** Every prefix extended by every candidate at position p, kept when its MLP input there is in the span. */
    private List<Prefix> extend(
            List<Prefix> prefixes, List<Integer> tokens, RowSpan second, AttentionRows rows, int p) {
        List<int[]> longer = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        for (Prefix prefix : prefixes) {
            for (int v : tokens) {
                int[] t = Arrays.copyOf(prefix.tokens, p + 1);
                t[p] = v;
                longer.add(t);
                before.add(prefix.distance);
            }
        }
        double[][][] z = rows.of(longer.toArray(new int[0][]), true);
        List<Prefix> kept = new ArrayList<>();
        for (int i = 0; i < longer.size(); i++) {
            double d = second.relativeDistance(z[i][p]);
            if (d < options.threshold()) {
                kept.add(new Prefix(longer.get(i), Math.max(before.get(i), d)));
            }
        }
        kept.sort(Comparator.comparingDouble(Prefix::distance));
        return kept.size() > options.maxPrefixes() ? kept.subList(0, options.maxPrefixes()) : kept;
    }

    /** Without a second span: b windows holding the token of every position that has exactly one candidate. */
    private static int[][] pinned(List<List<Integer>> candidates, int batch, int context) {
        int[][] out = new int[batch][context];
        for (int[] row : out) {
            for (int p = 0; p < context; p++) {
                row[p] = candidates.get(p).size() == 1 ? candidates.get(p).get(0) : UNKNOWN;
            }
        }
        return out;
    }

    private static RowSpan span(Tensor weightGradient) {
        int[] s = weightGradient.shape();
        double epsilon = weightGradient.dtype() == DType.F32 ? Math.ulp(1f) : Math.ulp(1.0);
        return RowSpan.of(weightGradient.toDoubleArray(), s[0], s[1], epsilon);
    }

    private static AttackResult result(int[][] windows, int[] labels, RowSpan first, long start) {
        float[][] samples = new float[windows.length][];
        for (int i = 0; i < windows.length; i++) {
            samples[i] = new float[windows[i].length];
            for (int p = 0; p < windows[i].length; p++) {
                samples[i][p] = windows[i][p];
            }
        }
        return new AttackResult(samples, labels, AttackResult.OK, 0, first.rank(), millis(start));
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
