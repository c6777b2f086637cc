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
 * LeNet on 1×28×28, {@code mlp256x2} two sigmoid hidden layers of 256 units), its parameters, a random
 * batch in [0, 1) with labels, and the batch's true gradient (what an attacker observes). Seeds are fixed.
 */
public final class Workload {
    static final int[] INPUT = {1, 28, 28};
    static final int CLASSES = 10;
    private static final Pattern MLP = Pattern.compile("mlp(\\d+)x(\\d+)");

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
        this.samples = new float[batch][d];
        this.labels = new int[batch];
        double[] flat = new double[batch * d];
        for (int i = 0; i < batch; i++) {
            for (int j = 0; j < d; j++) {
                samples[i][j] = (float) rng.nextDouble();
                flat[i * d + j] = samples[i][j];
            }
            labels[i] = rng.nextInt(CLASSES);
        }
        int[] shape = new int[INPUT.length + 1];
        shape[0] = batch;
        System.arraycopy(model.spec().inputShape(), 0, shape, 1, INPUT.length);
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

    /** {@code lenet} or {@code mlp<width>x<depth>} with sigmoid activations, 10 classes, input 1×28×28. */
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
        throw new IllegalArgumentException(
                "unknown benchmark model '" + name + "'; use lenet or mlp<width>x<depth>, " + "e.g. mlp256x2");
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
