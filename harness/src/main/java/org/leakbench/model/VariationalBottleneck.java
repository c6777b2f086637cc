package org.leakbench.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * A model with PRECODE's variational bottleneck (Scheliga, Mäder, Seeland, PRECODE – A Generic Model Extension to
 * Prevent Deep Gradient Leakage, WACV 2022) between its features and its linear classifier: the features r [n, d]
 * (the inner model with its classifier replaced by the identity) are encoded to a mean μ = r·W_μ + b_μ and a
 * log-variance s = r·W_s + b_s of K dimensions each, a code z = μ + exp(s/2)·ε is drawn with fresh ε ~ N(0, I),
 * decoded back to d features h = z·W_h + b_h, and the inner classifier reads h. Training adds β·KL(N(μ, σ²) ‖
 * N(0, I)) to the loss. The model is built by {@link Models#build} from a spec with the option
 * {@link ModelSpec#BOTTLENECK} = K, so every path that builds a point's model (the attacked victim, the utility
 * training, weight files) gets the same architecture.
 *
 * <p>A model is a pure function of its parameters, so the noise is an argument: {@link #pass} with ε is the
 * training pass a client runs; {@link #logits} is the pass with ε = 0 (z = μ), the deterministic model that is
 * evaluated, and the one an attacker who does not model the defense's randomness inverts. The parameters are the
 * inner model's up to its classifier, then W_μ, b_μ, W_s, b_s, W_h, b_h, then the classifier's weight and bias,
 * so the model still ends in its classifier. The new layers start as PyTorch's {@code nn.Linear} (uniform in
 * ±1/√fan-in), so σ starts near 1, the prior's; the paper's code starts σ near 0.007 through a shifted softplus.
 */
public final class VariationalBottleneck implements Model {
    /** The KL term and logits of one pass. */
    public record Pass(Var logits, Var kl) {}

    private final Model inner;
    private final ModelSpec spec;
    private final int classifier;
    private final int features;
    private final int size;
    private final List<ParamShape> shapes = new ArrayList<>();
    private final Map<String, Tensor> identities = new ConcurrentHashMap<>();

    /**
     * @param inner the model the bottleneck is inserted into; it must end in a linear classifier [features,
     *              classes] or [classes, features] with a bias, reading hidden features
     * @param spec  the spec with the option {@link ModelSpec#BOTTLENECK}
     */
    VariationalBottleneck(Model inner, ModelSpec spec) {
        this.inner = inner;
        this.spec = spec;
        this.size = spec.intOption(ModelSpec.BOTTLENECK, 0);
        List<ParamShape> in = inner.parameterShapes();
        int n = in.size();
        int classes = spec.numClasses();
        int[] w = n >= 2 ? in.get(n - 2).shape() : new int[0];
        int[] b = n >= 2 ? in.get(n - 1).shape() : new int[0];
        if (n < 3 || w.length != 2 || b.length != 1 || b[0] != classes || (w[0] != classes && w[1] != classes)) {
            throw new IllegalArgumentException("model option " + ModelSpec.BOTTLENECK + " (PRECODE's bottleneck): "
                    + "model " + spec.family() + " does not end in a linear classifier reading hidden features"
                    + (n >= 2 ? " (it ends in " + Arrays.toString(w) + " and " + Arrays.toString(b) + ")" : ""));
        }
        this.classifier = n - 2;
        this.features = w[1] == classes ? w[0] : w[1];
        shapes.addAll(in.subList(0, classifier));
        shapes.add(new ParamShape("precode.mu.weight", new int[] {features, size}, features));
        shapes.add(new ParamShape("precode.mu.bias", new int[] {size}, features));
        shapes.add(new ParamShape("precode.logvar.weight", new int[] {features, size}, features));
        shapes.add(new ParamShape("precode.logvar.bias", new int[] {size}, features));
        shapes.add(new ParamShape("precode.decoder.weight", new int[] {size, features}, size));
        shapes.add(new ParamShape("precode.decoder.bias", new int[] {features}, size));
        shapes.addAll(in.subList(classifier, n));
    }

    /** K, the size of the code. */
    public int codeSize() {
        return size;
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
    public List<TorchParam> torchParameters() {
        List<TorchParam> in = inner.torchParameters();
        List<TorchParam> out = new ArrayList<>(in.subList(0, classifier));
        for (int i = classifier; i < classifier + 6; i++) {
            out.add(new TorchParam(shapes.get(i).name(), shapes.get(i).shape().length == 2)); // nn.Linear is [out, in]
        }
        out.addAll(in.subList(classifier, in.size()));
        return out;
    }

    @Override
    public Var logits(Var x, List<Var> params) {
        return pass(x, params, ForwardState.batchStatistics(), null).logits();
    }

    @Override
    public Var logits(Var x, List<Var> params, ForwardState state) {
        return pass(x, params, state, null).logits();
    }

    /**
     * One pass with the code z = μ + σ·ε, or z = μ when {@code noise} is null.
     *
     * @param noise ε [n, K], or null
     * @return the logits and the batch's mean KL(N(μ, σ²) ‖ N(0, I)) in nats
     */
    public Pass pass(Var x, List<Var> params, ForwardState state, Var noise) {
        if (params.size() != shapes.size()) {
            throw new IllegalArgumentException(
                    "model " + spec.label() + " takes " + shapes.size() + " parameters, got " + params.size());
        }
        Tensor first = params.get(0).value();
        List<Var> probe = new ArrayList<>(params.subList(0, classifier));
        probe.add(Var.constant(identity(first.backend(), first.dtype())));
        probe.add(Var.constant(first.backend().zeros(first.dtype(), features)));
        Var r = inner.logits(x, probe, state);
        int k = classifier;
        Var mu = Ops.add(Ops.matmul(r, params.get(k)), params.get(k + 1));
        Var logVar = Ops.add(Ops.matmul(r, params.get(k + 2)), params.get(k + 3));
        Var code = mu;
        if (noise != null) {
            int n = r.shape()[0];
            if (!Arrays.equals(noise.shape(), new int[] {n, size})) {
                throw new IllegalArgumentException(
                        "PRECODE noise must be [" + n + ", " + size + "], got " + Arrays.toString(noise.shape()));
            }
            code = Ops.add(mu, Ops.mul(Ops.exp(Ops.scale(logVar, 0.5)), noise));
        }
        Var h = Ops.add(Ops.matmul(code, params.get(k + 4)), params.get(k + 5));
        Var w = params.get(k + 6);
        boolean classesFirst = w.shape()[1] != spec.numClasses();
        Var logits = Ops.add(Ops.matmul(h, w, false, classesFirst), params.get(k + 7));
        // KL(N(μ, σ²) ‖ N(0, 1)) = ½ Σ_k (μ² + σ² − log σ² − 1), averaged over the batch.
        Var perCoordinate = Ops.addScalar(Ops.sub(Ops.add(Ops.square(mu), Ops.exp(logVar)), logVar), -1);
        Var kl = Ops.scale(Ops.sumAll(perCoordinate), 0.5 / r.shape()[0]);
        return new Pass(logits, kl);
    }

    private Tensor identity(Backend be, DType dtype) {
        return identities.computeIfAbsent(System.identityHashCode(be) + "|" + dtype, key -> {
            double[] eye = new double[features * features];
            for (int i = 0; i < features; i++) {
                eye[i * features + i] = 1;
            }
            return be.fromArray(eye, dtype, features, features);
        });
    }

    @Override
    public List<ParamShape> bufferShapes() {
        return inner.bufferShapes();
    }

    @Override
    public List<Tensor> initialBuffers(Backend backend, DType dtype) {
        return inner.initialBuffers(backend, dtype);
    }

    @Override
    public int[] attackInputShape() {
        return inner.attackInputShape();
    }

    @Override
    public List<Tensor> initialParameters(Backend backend, DType dtype, SplittableRandom rng) {
        List<Tensor> in = inner.initialParameters(backend, dtype, rng.split());
        List<Tensor> added = Model.uniform(
                shapes.subList(classifier, classifier + 6), backend, dtype, rng, p -> 1.0 / Math.sqrt(p.fanIn()));
        List<Tensor> out = new ArrayList<>(in.subList(0, classifier));
        out.addAll(added);
        out.addAll(in.subList(classifier, in.size()));
        return out;
    }
}
