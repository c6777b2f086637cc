package org.leakbench.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The size of a victim model, so that a sweep can vary it: the family, the input and class count, a width and a
 * depth whose meaning depends on the family, the hidden activation where the family has a choice, and
 * family-specific options (normalisation, shortcut, attention heads).
 *
 * <ul>
 *   <li>{@code lenet}: 12·width channels, depth convolutions;
 *   <li>{@code mlp}: hidden layers of 256·width units, depth of them; {@code logistic} ignores both;
 *   <li>{@code resnet}: CIFAR-style ResNet of depth 6n+2 (20, 32, 56, …) with 16·width base channels;
 *   <li>{@code resnet18}: the four-stage ResNet-18 with 64·width base channels (depth is 18);
 *   <li>{@code convnet}: breaching's plain conv/BN/ReLU stack, width as its channel multiplier;
 *   <li>{@code transformer}: decoder-only, d_model = width (an integer), depth blocks; the input is a window of
 *       token ids [context] and the classes are the vocabulary.
 * </ul>
 */
public record ModelSpec(
        String family,
        int[] inputShape,
        int numClasses,
        double width,
        int depth,
        Activation activation,
        Map<String, String> options) {
    public static final String LENET = "lenet";
    public static final String MLP = "mlp";
    public static final String LINEAR = "logistic";
    public static final String RESNET = "resnet";
    public static final String RESNET18 = "resnet18";
    public static final String CONVNET = "convnet";
    public static final String TRANSFORMER = "transformer";

    /** Option key: the normalisation layer of the convolutional families, "batch" (default) or "group". */
    public static final String NORM = "norm";
    /** Option key: ResNet shortcuts where the shape changes, "projection" (default) or "padding". */
    public static final String SHORTCUT = "shortcut";
    /** Option key: the transformer's attention heads (default 4). */
    public static final String HEADS = "heads";
    /**
     * Option key: the code size K of PRECODE's variational bottleneck inserted before the classifier
     * ({@link VariationalBottleneck}); unset, no bottleneck.
     */
    public static final String BOTTLENECK = "bottleneck";

    private static final Set<String> FAMILIES = Set.of(LENET, MLP, LINEAR, RESNET, RESNET18, CONVNET, TRANSFORMER);

    public ModelSpec {
        family = family == null ? "" : family.trim().toLowerCase(Locale.ROOT);
        if (!FAMILIES.contains(family)) {
            throw new IllegalArgumentException(
                    "model: unknown family '" + family + "'; choose one of " + new java.util.TreeSet<>(FAMILIES));
        }
        if (inputShape == null
                || inputShape.length == 0
                || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException(
                    "model: input shape must have positive dimensions, got " + Arrays.toString(inputShape));
        }
        if (numClasses < 2) {
            throw new IllegalArgumentException("model: numClasses must be >= 2, got " + numClasses);
        }
        if (activation == null) {
            throw new IllegalArgumentException("model.activation must be given");
        }
        options = options == null ? Map.of() : Map.copyOf(new TreeMap<>(options));
        inputShape = inputShape.clone();
        checkFamilyShape(family, inputShape, width, depth, options);
    }

    /** The spec without options (every family's defaults). */
    public ModelSpec(String family, int[] inputShape, int numClasses, double width, int depth, Activation activation) {
        this(family, inputShape, numClasses, width, depth, activation, Map.of());
    }

    private static void checkFamilyShape(
            String family, int[] inputShape, double width, int depth, Map<String, String> options) {
        boolean image = inputShape.length == 3;
        switch (family) {
            case LENET, RESNET, RESNET18, CONVNET -> {
                if (!image) {
                    throw new IllegalArgumentException("model: " + family
                            + " needs image input [channels, height, width], got " + Arrays.toString(inputShape));
                }
            }
            case TRANSFORMER -> {
                if (inputShape.length != 1) {
                    throw new IllegalArgumentException("model transformer needs samples that are windows of token ids"
                            + " [context]; the data set's samples have shape " + Arrays.toString(inputShape));
                }
            }
            default -> {}
        }
        if (family.equals(TRANSFORMER)) {
            if (width < 1 || width > 4096 || width != Math.rint(width)) {
                throw new IllegalArgumentException(
                        "model.width of the transformer is d_model, a whole number in [1, 4096], got " + width);
            }
            int heads = intOption(options, HEADS, 4);
            if (heads < 1 || (int) width % heads != 0) {
                throw new IllegalArgumentException(
                        "model: " + heads + " attention heads do not divide d_model " + (int) width);
            }
        } else if (!(width > 0) || width > 64) {
            throw new IllegalArgumentException("model.width must be in (0, 64], got " + width);
        }
        int maxDepth = family.equals(RESNET) || family.equals(RESNET18) ? 1000 : family.equals(TRANSFORMER) ? 48 : 16;
        if (depth < 1 || depth > maxDepth) {
            throw new IllegalArgumentException("model.depth must be in [1, " + maxDepth + "], got " + depth);
        }
        if (family.equals(RESNET) && (depth < 8 || (depth - 2) % 6 != 0)) {
            throw new IllegalArgumentException(
                    "model.depth of a CIFAR ResNet must be 6n+2 with n >= 1 (20, 32, 56, ...), got " + depth);
        }
        if (options.containsKey(BOTTLENECK)) {
            int k = intOption(options, BOTTLENECK, 0);
            if (k < 1 || k > 65_536) {
                throw new IllegalArgumentException("model option " + BOTTLENECK + " must be in [1, 65536], got " + k);
            }
            if (family.equals(TRANSFORMER) || family.equals(LINEAR)) {
                throw new IllegalArgumentException("model option " + BOTTLENECK + " (PRECODE's variational "
                        + "bottleneck) needs a model whose classifier reads hidden features of the whole sample; "
                        + (family.equals(LINEAR)
                                ? "logistic's reads the input itself"
                                : "the transformer's output layer reads every position and is not supported"));
            }
        }
        String norm = options.getOrDefault(NORM, "batch");
        if (!norm.equals("batch") && !norm.equals("group")) {
            throw new IllegalArgumentException("model option norm must be batch or group, got '" + norm + "'");
        }
        String shortcut = options.getOrDefault(SHORTCUT, "projection");
        if (!shortcut.equals("projection") && !shortcut.equals("padding")) {
            throw new IllegalArgumentException(
                    "model option shortcut must be projection or padding, got '" + shortcut + "'");
        }
    }

    private static int intOption(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("model option " + key + " must be a whole number, got '" + v + "'");
        }
    }

    /** An option's value, or {@code fallback} when it is not set. */
    public String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    /** A whole-number option, or {@code fallback} when it is not set. */
    public int intOption(String key, int fallback) {
        return intOption(options, key, fallback);
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

    /** The same spec with one option set. */
    public ModelSpec withOption(String key, String value) {
        Map<String, String> o = new TreeMap<>(options);
        o.put(key, value);
        return new ModelSpec(family, inputShape, numClasses, width, depth, activation, o);
    }

    public int inputSize() {
        return Arrays.stream(inputShape).reduce(1, (a, b) -> a * b);
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** A short readable label, e.g. "lenet-w1.0-d3", "mlp-w1.0-d2-sigmoid" or "resnet-w1.0-d20". */
    public String label() {
        String base = switch (family) {
            case LENET, RESNET, RESNET18, CONVNET, TRANSFORMER -> family + "-w" + width + "-d" + depth;
            case MLP -> "mlp-w" + width + "-d" + depth + "-" + activation.name().toLowerCase(Locale.ROOT);
            default -> "logistic";
        };
        StringBuilder out = new StringBuilder(base);
        options.forEach((k, v) -> out.append('-').append(k).append('=').append(v));
        return out.toString();
    }
}
