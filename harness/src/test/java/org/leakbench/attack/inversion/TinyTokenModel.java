package org.leakbench.attack.inversion;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.ParamShape;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A stand-in for the transformer victim, with its input contract and nothing else: a window of T token ids
 * [N, T] (ids stored as numbers) or its relaxation [N, T, V] (a vector over the vocabulary per position) is
 * embedded as x·E, passed through tanh, and read by a linear next-token head whose bias comes last. The
 * embedding is wider than the vocabulary, so a relaxed input is determined by its embedding.
 */
public final class TinyTokenModel implements Model {
    static final int WIDTH = 8;
    private final ModelSpec spec;
    private final int context;
    private final int vocabulary;
    private final List<ParamShape> shapes;

    public TinyTokenModel(int context, int vocabulary) {
        this.spec = new ModelSpec(ModelSpec.TRANSFORMER, new int[] {context}, vocabulary, WIDTH, 1, Activation.TANH);
        this.context = context;
        this.vocabulary = vocabulary;
        this.shapes = List.of(
                new ParamShape("embed", new int[] {vocabulary, WIDTH}, 1),
                new ParamShape("head.weight", new int[] {context * WIDTH, vocabulary}, context * WIDTH),
                new ParamShape("head.bias", new int[] {vocabulary}, context * WIDTH));
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public List<ParamShape> parameterShapes() {
        return shapes;
    }

    @Override
    public int[] attackInputShape() {
        return new int[] {context, vocabulary};
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        int[] s = x.shape();
        int n = s[0];
        Var soft;
        if (s.length == 2 && s[1] == context) {
            soft = Var.constant(oneHot(x.value(), n));
        } else if (s.length == 3 && s[1] == context && s[2] == vocabulary) {
            soft = Ops.reshape(x, n * context, vocabulary);
        } else {
            throw new IllegalArgumentException("tiny token model: input " + java.util.Arrays.toString(s)
                    + " is neither [N, " + context + "] ids nor [N, " + context + ", " + vocabulary + "]");
        }
        Var h = Ops.tanh(Ops.matmul(soft, params.get(0)));
        return Ops.add(Ops.matmul(Ops.reshape(h, n, context * WIDTH), params.get(1)), params.get(2));
    }

    private Tensor oneHot(Tensor ids, int n) {
        double[] v = ids.toDoubleArray();
        double[] out = new double[n * context * vocabulary];
        for (int i = 0; i < v.length; i++) {
            out[i * vocabulary + (int) v[i]] = 1;
        }
        return ids.backend().fromArray(out, ids.dtype(), n * context, vocabulary);
    }

    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        return Model.uniform(shapes, backend, dtype, rng, p -> 1.0 / Math.sqrt(p.fanIn()));
    }
}
