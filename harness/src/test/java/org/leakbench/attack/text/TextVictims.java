package org.leakbench.attack.text;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Sgd;
import org.leakbench.model.Transformer;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/** Small untrained transformers and the FedSGD gradient of a batch of token windows on them, in float64. */
final class TextVictims {
    private TextVictims() {}

    /** A private batch of windows, their next tokens, and the observed gradient. */
    record Victim(float[][] windows, int[] labels, Observation observation) {}

    static Transformer transformer(int context, int vocabulary, int width, int depth) {
        return new Transformer(new ModelSpec(
                ModelSpec.TRANSFORMER,
                new int[] {context},
                vocabulary,
                width,
                depth,
                Activation.SIGMOID,
                Map.of(ModelSpec.HEADS, "2")));
    }

    /** Uniformly random windows. */
    static Victim random(Transformer model, int batch, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int context = model.spec().inputShape()[0];
        int vocabulary = model.spec().numClasses();
        float[][] windows = new float[batch][context];
        int[] labels = new int[batch];
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < context; t++) {
                windows[b][t] = rng.nextInt(vocabulary);
            }
            labels[b] = rng.nextInt(vocabulary);
        }
        return of(model, windows, labels, rng.split());
    }

    /** The gradient of {@code model}, initialised from {@code rng}, on the given windows. */
    static Victim of(Transformer model, float[][] windows, int[] labels, SplittableRandom rng) {
        Backend be = Backends.get("ejml");
        List<Tensor> params = model.initialParameters(be, DType.F64, rng);
        int[] rows = new int[windows.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        Tensor x = Sgd.batch(be, DType.F64, windows, rows, model.spec().inputShape());
        List<Tensor> g = Gradients.of(model, params, x, labels).gradient();
        return new Victim(windows, labels, Observation.gradient(model, params, g, windows.length));
    }
}
