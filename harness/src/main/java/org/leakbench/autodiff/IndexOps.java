package org.leakbench.autodiff;

import org.leakbench.tensor.Pool2dSpec;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;

/**
 * Differentiable operations defined by a fixed index map: gathers and their scatter-add adjoints, and what is built
 * from them (axis permutations, embedding look-ups, max pooling), plus batched matrix products. Gather and
 * scatter-add are linear and each other's adjoint, so every rule here is differentiable again.
 */
public final class IndexOps {
    private IndexOps() {}

    /** out[i] = a[index[i]] over row-major flat positions, in {@code shape}. */
    public static Var gather(Var a, int[] index, int... shape) {
        int[] from = a.shape();
        return Ops.node(
                a.backend().gather(a.value(), index, shape), g -> new Var[] {scatterAdd(g, index, from)}, "gather", a);
    }

    /** Zeros of {@code shape} with g[i] added at flat position index[i]: the adjoint of {@link #gather}. */
    public static Var scatterAdd(Var g, int[] index, int... shape) {
        int[] from = g.shape();
        return Ops.node(
                g.backend().scatterAdd(g.value(), index, shape),
                h -> new Var[] {gather(h, index, from)},
                "scatterAdd",
                g);
    }

    /** The axes of a reordered: output axis i is input axis {@code axes[i]} (NumPy's transpose). */
    public static Var permute(Var a, int... axes) {
        int[] s = a.shape();
        if (axes.length != s.length) {
            throw new IllegalArgumentException(
                    "permute: " + axes.length + " axes for a tensor of shape " + Shape.str(s));
        }
        int[] out = new int[s.length];
        boolean[] seen = new boolean[s.length];
        for (int i = 0; i < axes.length; i++) {
            if (axes[i] < 0 || axes[i] >= s.length || seen[axes[i]]) {
                throw new IllegalArgumentException("permute: " + java.util.Arrays.toString(axes)
                        + " is not a permutation of the axes of " + Shape.str(s));
            }
            seen[axes[i]] = true;
            out[i] = s[axes[i]];
        }
        int[] stride = new int[s.length];
        int acc = 1;
        for (int d = s.length - 1; d >= 0; d--) {
            stride[d] = acc;
            acc *= s[d];
        }
        int[] index = new int[acc];
        int[] pos = new int[s.length];
        int at = 0; // the input position of output position pos, kept up to date as the odometer turns
        for (int i = 0; i < acc; i++) {
            index[i] = at;
            for (int d = s.length - 1; d >= 0; d--) { // odometer over the output's positions
                at += stride[axes[d]];
                if (++pos[d] < out[d]) {
                    break;
                }
                at -= out[d] * stride[axes[d]];
                pos[d] = 0;
            }
        }
        return gather(a, index, out);
    }

    /**
     * Rows of {@code table} [V, d] picked by token ids, in shape [...idsShape, d]. The ids are data, not
     * differentiable; the table's gradient adds the gradient rows of repeated ids (scatter-add).
     */
    public static Var embedding(int[] ids, int[] idsShape, Var table) {
        int[] ts = table.shape();
        if (ts.length != 2) {
            throw new IllegalArgumentException("embedding table must be [vocabulary, dim], got " + Shape.str(ts));
        }
        if (ids.length != Shape.size(idsShape)) {
            throw new IllegalArgumentException(
                    "embedding: " + ids.length + " ids do not fill shape " + Shape.str(idsShape));
        }
        int dim = ts[1];
        int[] index = new int[ids.length * dim];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= ts[0]) {
                throw new IllegalArgumentException("embedding: token id " + ids[i] + " at position " + i
                        + " outside the vocabulary [0, " + ts[0] + ")");
            }
            for (int j = 0; j < dim; j++) {
                index[i * dim + j] = ids[i] * dim + j;
            }
        }
        int[] out = java.util.Arrays.copyOf(idsShape, idsShape.length + 1);
        out[idsShape.length] = dim;
        return gather(table, index, out);
    }

    /** Max pooling of NCHW input; the gradient flows to each window's maximum (a gather at fixed positions). */
    public static Var maxPool2d(Var x, Pool2dSpec spec) {
        int[] arg = x.backend().maxPoolArgmax(x.value(), spec);
        return gather(x, arg, spec.outputShape(x.shape()));
    }

    /** op(a[p]) · op(b[p]) for rank-3 operands [B, m, k] and [B, k, n]. */
    public static Var batchedMatmul(Var a, Var b, boolean ta, boolean tb) {
        Tensor v = a.backend().batchedMatmul(a.value(), b.value(), ta, tb);
        return Ops.node(
                v,
                g -> {
                    Var ga;
                    Var gb;
                    if (!ta && !tb) {
                        ga = a.requiresGrad ? batchedMatmul(g, b, false, true) : null;
                        gb = b.requiresGrad ? batchedMatmul(a, g, true, false) : null;
                    } else if (ta && !tb) {
                        ga = a.requiresGrad ? batchedMatmul(b, g, false, true) : null;
                        gb = b.requiresGrad ? batchedMatmul(a, g, false, false) : null;
                    } else if (!ta) {
                        ga = a.requiresGrad ? batchedMatmul(g, b, false, false) : null;
                        gb = b.requiresGrad ? batchedMatmul(g, a, true, false) : null;
                    } else {
                        ga = a.requiresGrad ? batchedMatmul(b, g, true, true) : null;
                        gb = b.requiresGrad ? batchedMatmul(g, a, true, true) : null;
                    }
                    return new Var[] {ga, gb};
                },
                "batchedMatmul",
                a,
                b);
    }
}
