package org.leakbench.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * The size of a victim model, so that a sweep can vary it: the family, the input and class count, a
 * width multiplier (LeNet: 12·width channels; MLP: 256·width units) and a depth (LeNet: convolutions;
 * MLP: hidden layers; ignored by the linear model).
 */
public record ModelSpec(
        String family, int[] inputShape, int numClasses, double width, int depth, Activation activation) {
    public static final String LENET = "lenet";
    public static final String MLP = "mlp";
    public static final String LINEAR = "logistic";

    public ModelSpec {
        family = family == null ? "" : family.trim().toLowerCase(Locale.ROOT);
        if (!family.equals(LENET) && !family.equals(MLP) && !family.equals(LINEAR)) {
            throw new IllegalArgumentException("model: unknown family '" + family + "'; choose lenet, mlp or logistic");
        }
        if (inputShape == null
                || inputShape.length == 0
                || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    "model: input shape must have positive dimensions, got " + Arrays.toString(inputShape));
        }
        if (family.equals(LENET) && inputShape.length != 3) {
            throw new IllegalArgumentException(
                    "model: lenet needs image input [channels, height, width], got " + Arrays.toString(inputShape));
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("model: numClasses must be >= 2, got " + numClasses);
        }
        if (!(width > 0) || width > 64) {
            throw new IllegalArgumentException("model.width must be in (0, 64], got " + width);
        }
        if (depth < 1 || depth > 16) {
            throw new IllegalArgumentException("model.depth must be in [1, 16], got " + depth);
        }
        if (activation == null) {
            throw new IllegalArgumentException("model.activation must be given");
        }
        inputShape = inputShape.clone();
    }

    /** DLG's LeNet: sigmoid, three 5×5 convolutions of 12 channels, one linear layer. */
    public static ModelSpec lenet(int[] inputShape, int classes) {
        return new ModelSpec(LENET, inputShape, classes, 1.0, 3, Activation.SIGMOID);
    }

    public static ModelSpec mlp(int[] inputShape, int classes, double width, int depth, Activation act) {
        return new ModelSpec(MLP, inputShape, classes, width, depth, act);
    }

    public static ModelSpec linear(int[] inputShape, int classes) {
        return new ModelSpec(LINEAR, inputShape, classes, 1.0, 1, Activation.SIGMOID);
    }

    public int inputSize() {
        return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
    }

    /** A short readable label, e.g. "lenet-w1.0-d3" or "mlp-w1.0-d2-sigmoid". */
    public String label() {
        return switch (family) {
            case LENET -> "lenet-w" + width + "-d" + depth;
            case MLP -> "mlp-w" + width + "-d" + depth + "-" + activation.name().toLowerCase(Locale.ROOT);
            default -> "logistic";
        };
    }
}
