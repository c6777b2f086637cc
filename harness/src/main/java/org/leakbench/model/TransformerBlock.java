package org.leakbench.model;

import java.util.List;
import org.leakbench.autodiff.IndexOps;
import org.leakbench.autodiff.NetOps;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Tensor;

/**
 * One pre-LayerNorm decoder block of GPT-2 (Radford et al. 2019): h + attn(ln1(h)), then h + mlp(ln2(h)), where
 * attn is causal multi-head self-attention (Vaswani et al. 2017) with a fused q/k/v projection and mlp is
 * Linear(d, 4d), GELU (tanh form), Linear(4d, d). Linear weights are in PyTorch's layout [out, in].
 */
final class TransformerBlock {
    /** Parameters per block, in the order {@link #apply} reads them. */
    static final int PARAMETERS = 12;

    /** Added to the attention scores above the diagonal: softmax then gives those positions weight exactly 0. */
    static final double MASKED = -1e9;

    static final double LAYER_NORM_EPS = 1e-5;

    private TransformerBlock() {}

    /** The names and shapes of block {@code index}'s parameters, PyTorch style. */
    static void addShapes(List<ParamShape> shapes, int index, int d) {
        String p = "blocks." + index + ".";
        shapes.add(new ParamShape(p + "ln1.weight", new int[] {d}, d));
        shapes.add(new ParamShape(p + "ln1.bias", new int[] {d}, d));
        shapes.add(new ParamShape(p + "attn.qkv.weight", new int[] {3 * d, d}, d));
        shapes.add(new ParamShape(p + "attn.qkv.bias", new int[] {3 * d}, d));
        shapes.add(new ParamShape(p + "attn.proj.weight", new int[] {d, d}, d));
        shapes.add(new ParamShape(p + "attn.proj.bias", new int[] {d}, d));
        shapes.add(new ParamShape(p + "ln2.weight", new int[] {d}, d));
        shapes.add(new ParamShape(p + "ln2.bias", new int[] {d}, d));
        shapes.add(new ParamShape(p + "mlp.fc.weight", new int[] {4 * d, d}, d));
        shapes.add(new ParamShape(p + "mlp.fc.bias", new int[] {4 * d}, d));
        shapes.add(new ParamShape(p + "mlp.proj.weight", new int[] {d, 4 * d}, 4 * d));
        shapes.add(new ParamShape(p + "mlp.proj.bias", new int[] {d}, 4 * d));
    }

    /** The block applied to h [N, T, d]; {@code p} holds its {@link #PARAMETERS} parameters from {@code at}. */
    static Var apply(Var h, List<Var> p, int at, int heads, Tensor mask) {
        int[] s = h.shape();
        int n = s[0];
        int t = s[1];
        int d = s[2];
        h = afterAttention(h, p, at, heads, mask);
        Var m = rows(NetOps.layerNorm(h, p.get(at + 6), p.get(at + 7), LAYER_NORM_EPS));
        m = NetOps.gelu(linear(m, p.get(at + 8), p.get(at + 9)));
        return Ops.add(h, Ops.reshape(linear(m, p.get(at + 10), p.get(at + 11)), n, t, d));
    }

    /** The residual stream h + attn(ln1(h)) [N, T, d], before the MLP half of the block. */
    static Var afterAttention(Var h, List<Var> p, int at, int heads, Tensor mask) {
        int[] s = h.shape();
        Var a = rows(NetOps.layerNorm(h, p.get(at), p.get(at + 1), LAYER_NORM_EPS));
        Var attended = attention(a, p.get(at + 2), p.get(at + 3), s[0], s[1], heads, mask);
        return Ops.add(h, Ops.reshape(linear(attended, p.get(at + 4), p.get(at + 5)), s[0], s[1], s[2]));
    }

    /** x·Wᵀ + b for rows x [M, in], W [out, in] and b [out]. */
    static Var linear(Var x, Var w, Var b) {
        return Ops.add(Ops.matmul(x, w, false, true), b);
    }

    private static Var rows(Var x) {
        int[] s = x.shape();
        return Ops.reshape(x, s[0] * s[1], s[2]);
    }

    /**
     * Causal self-attention of rows a [N·T, d]: softmax(q·kᵀ/√d_head + mask)·v per head, heads concatenated,
     * as [N·T, d] before the output projection. The fused weight [3d, d] is sliced into its q, k and v thirds (as
     * PyTorch's {@code split} of the fused output), which keeps the slicing on the small weight.
     */
    private static Var attention(Var a, Var qkvWeight, Var qkvBias, int n, int t, int heads, Tensor mask) {
        int d = a.shape()[1];
        int dh = d / heads;
        Var[] qkv = new Var[3];
        for (int part = 0; part < 3; part++) {
            Var w = IndexOps.gather(qkvWeight, range(part * d * d, d * d), d, d);
            Var b = IndexOps.gather(qkvBias, range(part * d, d), d);
            qkv[part] = splitHeads(linear(a, w, b), n, t, heads, dh);
        }
        Var scores = Ops.scale(IndexOps.batchedMatmul(qkv[0], qkv[1], false, true), 1 / Math.sqrt(dh));
        Var weights = NetOps.softmax(Ops.add(scores, Var.constant(mask)));
        Var y = IndexOps.batchedMatmul(weights, qkv[2], false, false); // [N·H, T, dh]
        Var merged = IndexOps.permute(Ops.reshape(y, n, heads, t, dh), 0, 2, 1, 3);
        return Ops.reshape(merged, n * t, d);
    }

    /** [N·T, d] to [N·H, T, d_head]: head h of a row is its features h·d_head ... (h+1)·d_head − 1. */
    private static Var splitHeads(Var x, int n, int t, int heads, int dh) {
        Var perHead = IndexOps.permute(Ops.reshape(x, n, t, heads, dh), 0, 2, 1, 3);
        return Ops.reshape(perHead, n * heads, t, dh);
    }

    private static int[] range(int from, int length) {
        int[] r = new int[length];
        for (int i = 0; i < length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    /** The additive causal mask [T, T]: 0 on and below the diagonal, {@link #MASKED} above it. */
    static double[] causalMask(int t) {
        double[] m = new double[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = MASKED;
            }
        }
        return m;
    }
}
