package org.leakbench.bench;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Shape;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * The victim of the model benchmarks: a model named as in the PyTorch reference ({@code lenet} is DLG's
 * LeNet on 1×28×28, {@code mlp256x2} two sigmoid hidden layers of 256 units, {@code resnet20w4} a CIFAR
 * ResNet-20 of width 4 on 3×32×32, {@code transformer} a two-block decoder of width 64 over windows of 32
 * tokens from a vocabulary of 96), its parameters, a random batch (images in [0, 1), token ids uniform) with
 * labels, and the batch's true gradient (what an attacker observes). Seeds are fixed.
 */
public final class Workload {
    static final int[] INPUT = {1, 28, 28};
    static final int CLASSES = 10;
    static final int[] RGB = {3, 32, 32};
    static final int CONTEXT = 32;
    static final int VOCABULARY = 96;
    private static final Pattern MLP = Pattern.compile("mlp(\\d+)x(\\d+)");
    private static final Pattern RESNET = Pattern.compile("resnet(\\d+)(?:w(\\d+))?");
    private static final Pattern TRANSFORMER = Pattern.compile("transformer(?:(\\d+))?");

    final Backend backend;
    final Model model;
    final List<Tensor> params;
    final float[][] samples;
    final int[] labels;
    final Tensor x;
    final int batch;

    private Workload(Backend backend, Model model, int batch) {
        this.backend = backend;
        this.model = model;
        this.batch = batch;
        SplittableRandom rng = new SplittableRandom(7);
        this.params = model.initialParameters(backend, DType.F32, rng.split());
        int d = model.spec().inputSize();
        int classes = model.spec().numClasses();
        boolean tokens = model.spec().family().equals(ModelSpec.TRANSFORMER);
        this.samples = new float[batch][d];
        this.labels = new int[batch];
        double[] flat = new double[batch * d];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < d; j++) {
                samples[i][j] = tokens ? rng.nextInt(classes) : (float) rng.nextDouble();
                flat[i * d + j] = samples[i][j];
            }
            labels[i] = rng.nextInt(classes);
        }
        int[] in = model.spec().inputShape();
        int[] shape = new int[in.length + 1];
        shape[0] = batch;
        System.arraycopy(in, 0, shape, 1, in.length);
        this.x = backend.fromArray(flat, DType.F32, shape);
    }

    /** The workload for a backend name, a model name and a batch size. */
    public static Workload of(String backendName, String modelName, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        return new Workload(backend(backendName), Models.build(spec(modelName)), batch);
    }

    /**
     * The backend, or an {@link IllegalStateException} whose message is the backend's one-sentence reason
     * (e.g. a CUDA build on a machine without a GPU); the runner checks first and skips such backends.
     */
    static Backend backend(String name) {
        try {
            return Backends.get(name);
        } catch (org.leakbench.tensor.BackendUnavailableException e) {
            throw new IllegalStateException(e.getMessage());
        }
    }

    /**
     * {@code lenet} or {@code mlp<width>x<depth>} with sigmoid activations on 1×28×28; {@code resnet<depth>} or
     * {@code resnet<depth>w<width>} on 3×32×32 (10 classes); {@code transformer} or {@code transformer<d_model>}
     * (two blocks, four heads, 32 tokens of a vocabulary of 96).
     */
    public static ModelSpec spec(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("lenet")) {
            return ModelSpec.lenet(INPUT, CLASSES);
        }
        Matcher m = MLP.matcher(n);
        if (m.matches()) {
            int units = Integer.parseInt(m.group(1));
            return ModelSpec.mlp(INPUT, CLASSES, units / 256.0, Integer.parseInt(m.group(2)), Activation.SIGMOID);
        }
        Matcher r = RESNET.matcher(n);
        if (r.matches() && (Integer.parseInt(r.group(1)) - 2) % 6 == 0) {
            double width = r.group(2) == null ? 1 : Integer.parseInt(r.group(2));
            return new ModelSpec(ModelSpec.RESNET, RGB, CLASSES, width, Integer.parseInt(r.group(1)), Activation.RELU);
        }
        Matcher t = TRANSFORMER.matcher(n);
        if (t.matches()) {
            int width = t.group(1) == null ? 64 : Integer.parseInt(t.group(1));
            return new ModelSpec(ModelSpec.TRANSFORMER, new int[] {CONTEXT}, VOCABULARY, width, 2, Activation.RELU);
        }
        throw new IllegalArgumentException("unknown benchmark model '" + name + "'; use lenet, mlp<width>x<depth> "
                + "(e.g. mlp256x2), resnet<6n+2>[w<width>] (e.g. resnet20w4) or transformer[<d_model>]");
    }

    /** A float32 tensor of {@code shape} with entries uniform in [-1, 1), drawn from {@code rng} in order. */
    static Tensor uniform(Backend be, SplittableRandom rng, int... shape) {
        float[] v = new float[Shape.size(shape)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return be.fromFloats(v, shape);
    }

    /** What the server sees of this batch in FedSGD: the parameters and the batch's mean gradient. */
    Observation observation() {
        return Observation.gradient(
                model, params, Gradients.of(model, params, x, labels).gradient(), batch);
    }
}
