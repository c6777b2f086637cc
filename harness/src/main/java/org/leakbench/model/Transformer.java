package org.leakbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.IndexOps;
import org.leakbench.autodiff.NetOps;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A decoder-only (GPT-style) transformer for next-token prediction (Radford et al., Language Models are
 * Unsupervised Multitask Learners, 2019): token embedding [V, d] plus a learned position embedding [T, d],
 * {@code depth} pre-LayerNorm {@link TransformerBlock}s, a final LayerNorm and a linear head [V, d] with a bias,
 * not tied to the token embedding. d = model.width, heads = the {@code heads} option, T = the window's length and
 * V = the class count (the vocabulary).
 *
 * <p>The logits are the head's output at the last position of the window, [N, V], since a sample's label is the
 * token after its window. The input is either token ids as floats, [N, T], or a relaxed one-hot [N, T, V] whose
 * embedding is x·E: the form in which gradient inversion of text (Deng et al., TAG, 2021; Balunović et al., LAMP,
 * 2022) optimises a continuous stand-in for the tokens. Both give the same logits on exact one-hot rows.
 */
public final class Transformer extends SpecifiedModel {
    /** GPT-2's initial standard deviation of weights and embeddings. */
    static final double INIT_STD = 0.02;

    private final int context;
    private final int vocabulary;
    private final int dModel;
    private final int heads;
    private final int blocks;

    public Transformer(ModelSpec spec) {
        super(spec);
        if (!spec.family().equals(ModelSpec.TRANSFORMER)) {
            throw new IllegalArgumentException("Transformer built from a " + spec.family() + " spec");
        }
        this.context = spec.inputShape()[0];
        this.vocabulary = spec.numClasses();
        this.dModel = (int) spec.width();
        this.heads = spec.intOption(ModelSpec.HEADS, 4);
        this.blocks = spec.depth();
        shapes.add(new ParamShape("tok_emb.weight", new int[] {vocabulary, dModel}, vocabulary));
        shapes.add(new ParamShape("pos_emb.weight", new int[] {context, dModel}, context));
        for (int b = 0; b < blocks; b++) {
            TransformerBlock.addShapes(shapes, b, dModel);
        }
        shapes.add(new ParamShape("ln_f.weight", new int[] {dModel}, dModel));
        shapes.add(new ParamShape("ln_f.bias", new int[] {dModel}, dModel));
        shapes.add(new ParamShape("head.weight", new int[] {vocabulary, dModel}, dModel));
        shapes.add(new ParamShape("head.bias", new int[] {vocabulary}, dModel));
    }

    /** V·d + T·d + depth·(12d² + 13d) + 2d + V·d + V: what {@link #parameterCount()} must give. */
    public static long parameterCountFormula(int vocabulary, int context, int dModel, int depth) {
        long d = dModel;
        return vocabulary * d + context * d + depth * (12 * d * d + 13 * d) + 2 * d + vocabulary * d + vocabulary;
    }

    /** Gradient inversion optimises soft one-hot rows [T, V], the relaxation {@link #logits} accepts. */
    @Override
    public int[] attackInputShape() {
        return new int[] {context, vocabulary};
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        return head(lastPosition(trunk(x, params)), params);
    }

    /** Rows [N, d] of the last position of h [N, T, d]: LayerNorm and head act per position, so only it is computed. */
    private Var lastPosition(Var h) {
        int n = h.shape()[0];
        int[] last = new int[n * dModel];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dModel; j++) {
                last[i * dModel + j] = (i * context + context - 1) * dModel + j;
            }
        }
        return IndexOps.gather(h, last, n, dModel);
    }

    /** The head's logits at every position, [N, T, V]; {@link #logits} is the last of them. */
    Var logitsAtEveryPosition(Var x, List<Var> params) {
        Var h = trunk(x, params);
        int n = h.shape()[0];
        Var rows = head(Ops.reshape(h, n * context, dModel), params);
        return Ops.reshape(rows, n, context, vocabulary);
    }

    private Var head(Var rows, List<Var> params) {
        int k = params.size() - 4;
        Var normed = NetOps.layerNorm(rows, params.get(k), params.get(k + 1), TransformerBlock.LAYER_NORM_EPS);
        return TransformerBlock.linear(normed, params.get(k + 2), params.get(k + 3));
    }

    /** Embeddings through every block: [N, T, d] before the final LayerNorm. */
    private Var trunk(Var x, List<Var> params) {
        return residual(embed(x, checked(params).get(0)), params, blocks);
    }

    /** Token embeddings [N, T, d] plus position embeddings through the first {@code upTo} blocks. */
    private Var residual(Var tokenEmbeddings, List<Var> params, int upTo) {
        Var tokens = params.get(0);
        Var h = Ops.add(tokenEmbeddings, params.get(1));
        Tensor mask = tokens.backend()
                .fromArray(TransformerBlock.causalMask(context), tokens.value().dtype(), context, context);
        for (int b = 0; b < upTo; b++) {
            h = TransformerBlock.apply(h, params, 2 + b * TransformerBlock.PARAMETERS, heads, mask);
        }
        return h;
    }

    private List<Var> checked(List<Var> params) {
        if (params.size() != shapes.size()) {
            throw new IllegalArgumentException(
                    "transformer: expected " + shapes.size() + " parameter tensors, got " + params.size());
        }
        return params;
    }

    /**
     * The rows [N, T, d] that block {@code block}'s fused q/k/v projection reads: its first LayerNorm of the
     * residual stream entering it, for token ids x [N, T]. The gradient of that projection's weight is a sum of
     * outer products with these rows, so its row space lies in their span, which is what exact text inversion
     * reads (Petrov et al., DAGER, 2024). Position p depends only on the ids at 0 ... p (the attention is causal).
     */
    public Var attentionInput(Var x, List<Var> params, int block) {
        if (block < 0 || block >= blocks) {
            throw new IllegalArgumentException("transformer: block " + block + " outside [0, " + blocks + ")");
        }
        Var h = residual(embed(x, checked(params).get(0)), params, block);
        int at = 2 + block * TransformerBlock.PARAMETERS;
        return NetOps.layerNorm(h, params.get(at), params.get(at + 1), TransformerBlock.LAYER_NORM_EPS);
    }

    /**
     * The rows [N, T, d] that block {@code block}'s first MLP layer reads: its second LayerNorm of the residual
     * stream after the block's attention, for token ids x [N, T]. Position p depends on the ids at 0 ... p
     * through the causal attention, so the span of that layer's weight gradient tests whole prefixes.
     */
    public Var mlpInput(Var x, List<Var> params, int block) {
        if (block < 0 || block >= blocks) {
            throw new IllegalArgumentException("transformer: block " + block + " outside [0, " + blocks + ")");
        }
        Var h = residual(embed(x, checked(params).get(0)), params, block);
        int at = 2 + block * TransformerBlock.PARAMETERS;
        Tensor mask = params.get(0)
                .backend()
                .fromArray(
                        TransformerBlock.causalMask(context),
                        params.get(0).value().dtype(),
                        context,
                        context);
        h = TransformerBlock.afterAttention(h, params, at, heads, mask);
        return NetOps.layerNorm(h, params.get(at + 6), params.get(at + 7), TransformerBlock.LAYER_NORM_EPS);
    }

    /** The index in the parameter list of block {@code block}'s first MLP weight [4d, d]. */
    public int mlpWeightIndex(int block) {
        return qkvWeightIndex(block) + 6;
    }

    /**
     * The next-token logits [N, V] of token embeddings [N, T, d] given directly instead of looked up: the
     * continuous space in which LAMP (Balunović et al. 2022) optimises text before rounding it to tokens.
     */
    public Var logitsOfEmbeddings(Var embeddings, List<Var> params) {
        int[] s = embeddings.shape();
        if (s.length != 3 || s[1] != context || s[2] != dModel) {
            throw new IllegalArgumentException(
                    "transformer: embeddings must be [N, " + context + ", " + dModel + "], got " + Arrays.toString(s));
        }
        return head(lastPosition(residual(embeddings, checked(params), blocks)), params);
    }

    /** The index in the parameter list of block {@code block}'s fused q/k/v weight [3d, d]. */
    public int qkvWeightIndex(int block) {
        if (block < 0 || block >= blocks) {
            throw new IllegalArgumentException("transformer: block " + block + " outside [0, " + blocks + ")");
        }
        return 2 + block * TransformerBlock.PARAMETERS + 2;
    }

    /** The number of blocks (model.depth). */
    public int blocks() {
        return blocks;
    }

    /** d_model, the width of embeddings and of the residual stream. */
    public int dModel() {
        return dModel;
    }

    /** Token embeddings [N, T, d] of ids [N, T] (a table look-up) or of a relaxed one-hot [N, T, V] (x·E). */
    private Var embed(Var x, Var table) {
        int[] s = x.shape();
        if (s.length == 2 && s[1] == context) {
            return IndexOps.embedding(tokenIds(x.value()), s, table);
        }
        if (s.length == 3 && s[1] == context && s[2] == vocabulary) {
            Var rows = Ops.matmul(Ops.reshape(x, s[0] * context, vocabulary), table);
            return Ops.reshape(rows, s[0], context, dModel);
        }
        throw new IllegalArgumentException("transformer: input must be token ids [N, " + context
                + "] or a relaxed one-hot [N, " + context + ", " + vocabulary + "], got " + Arrays.toString(s));
    }

    /** The ids of x [N, T], refusing a value that is not a whole number in [0, V) by its sample and position. */
    private int[] tokenIds(Tensor x) {
        double[] v = x.toDoubleArray();
        int[] ids = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0 && v[i] < vocabulary && v[i] == Math.rint(v[i]))) {
                throw new IllegalArgumentException("transformer: token id " + v[i] + " at sample " + i / context
                        + ", position " + i % context + " is not a whole number in the vocabulary [0, " + vocabulary
                        + ")");
            }
            ids[i] = (int) v[i];
        }
        return ids;
    }

    /**
     * GPT-2's initialisation: weights and embeddings normal with standard deviation 0.02, the two projections
     * that write into the residual stream (attn.proj, mlp.proj) scaled by 1/√(2·depth), biases 0, LayerNorm
     * scale 1 and shift 0.
     */
    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        List<Tensor> out = new ArrayList<>(shapes.size());
        double residualStd = INIT_STD / Math.sqrt(2.0 * blocks);
        for (ParamShape p : shapes) {
            String name = p.name();
            double[] values = new double[p.size()];
            boolean bias = name.endsWith(".bias"); // biases and LayerNorm shifts stay 0
            if (!bias && name.contains("ln")) {
                Arrays.fill(values, 1.0);
            } else if (!bias) {
                boolean residual = name.endsWith("attn.proj.weight") || name.endsWith("mlp.proj.weight");
                double std = residual ? residualStd : INIT_STD;
                for (int i = 0; i < values.length; i++) {
                    values[i] = std * rng.nextGaussian();
                }
            }
            out.add(backend.fromArray(values, dtype, p.shape()));
        }
        return out;
    }
}
