package org.leakbench.defense.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.fl.Update;

/**
 * The defense of the DLG paper (Zhu et al., NeurIPS 2019, Sec. 5): entries of small magnitude are set to
 * zero. DLG's published code has no pruning; we follow the common reading of it (e.g. GradAttack's
 * GradPruneDefense), pruning per parameter tensor: in each tensor of n entries, the ⌊fraction·n⌋ entries of
 * smallest |value| become zero (ties: the higher index is pruned first). Unlike a quantile threshold with
 * a strict comparison, this prunes exactly that many entries even when values repeat.
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

    /** Entries pruned from a tensor of {@code n} entries. */
    public int prunedCount(int n) {
        return (int) Math.floor(options.fraction() * n + 1e-9);
    }

    @Override
    public Update apply(Update update, SplittableRandom rng) {
        List<float[]> out = new ArrayList<>(update.values().size());
        for (float[] v : update.values()) {
            boolean[] keep = Selection.largest(v, 0, v.length, v.length - prunedCount(v.length));
            float[] w = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                if (keep[i]) {
                    w[i] = v[i];
                }
            }
            out.add(w);
        }
        return update.withValues(out);
    }

    @Override
    public String name() {
        return "prune-" + options.fraction();
    }
}
