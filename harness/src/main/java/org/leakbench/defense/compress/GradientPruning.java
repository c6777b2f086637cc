package org.leakbench.defense.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.update.Update;

/**
 * The defense of the DLG paper (Zhu et al., NeurIPS 2019, Sec. 5): entries of small magnitude are set to
 * zero. Of n entries, exactly ⌊fraction·n⌋ of smallest |value| become zero (ties: the higher index is
 * pruned first), so repeated values never change the count.
 *
 * <p>By default the ranking is global, over the whole update, as the paper's wording ("gradients with
 * small magnitudes are pruned") reads. The scope matters: with DLG's LeNet, pruning 20% of each tensor
 * separately zeroes a fifth of every bias (including the output bias that carries the label) and DLG
 * falls from about 50 dB to about 30 dB, while a global threshold keeps those large entries and DLG still
 * reaches about 50 dB, which is what a PyTorch run of DLG with a global threshold also gives (REFERENCES.md:
 * 44–60 dB at 20%, 21–24 dB at 50%). {@link PruningOptions.Scope#PER_TENSOR} keeps the other reading
 * (e.g. GradAttack's per-parameter pruning) available.
 *
 * <p>The update is still sent densely (DLG uses pruning as a defense, not as compression).
 */
public final class GradientPruning implements UpdateDefense {
    private final PruningOptions options;

    public GradientPruning(PruningOptions options) {
        this.options = options;
    }

    public PruningOptions options() {
        return options;
    }

    /** Entries pruned from {@code n} entries. */
    public int prunedCount(int n) {
        return (int) Math.floor(options.fraction() * n + 1e-9);
    }

    @Override
    public Update apply(Update update, SplittableRandom rng) {
        return options.scope() == PruningOptions.Scope.GLOBAL ? global(update) : perTensor(update);
    }

    private Update perTensor(Update update) {
        List<float[]> out = new ArrayList<>(update.values().size());
        for (float[] v : update.values()) {
            out.add(masked(v, Selection.largest(v, 0, v.length, v.length - prunedCount(v.length)), 0));
        }
        return update.withValues(out);
    }

    private Update global(Update update) {
        float[] flat = update.flatten();
        boolean[] keep = Selection.largest(flat, 0, flat.length, flat.length - prunedCount(flat.length));
        List<float[]> out = new ArrayList<>(update.values().size());
        int at = 0;
        for (float[] v : update.values()) {
            out.add(masked(v, keep, at));
            at += v.length;
        }
        return update.withValues(out);
    }

    private static float[] masked(float[] v, boolean[] keep, int offset) {
        float[] w = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            if (keep[offset + i]) {
                w[i] = v[i];
            }
        }
        return w;
    }

    @Override
    public String name() {
        return options.scope() == PruningOptions.Scope.GLOBAL
                ? "prune-" + options.fraction()
                : "prune-per-tensor-" + options.fraction();
    }
}
