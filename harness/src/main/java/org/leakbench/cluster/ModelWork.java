package org.leakbench.cluster;

import org.leakbench.sweep.SweepPoint;

/**
 * Multiply-adds of one forward pass of a point's victim model on one example, from the model family, width,
 * depth and the data set's input size: the "model size" of the cost estimate. DLG's LeNet (Zhu et al., NeurIPS
 * 2019) is 5×5 convolutions of 12·width channels, the first two with stride 2, then one linear layer; the MLP has
 * {@code depth} hidden layers of 256·width units.
 */
final class ModelWork {
    private ModelWork() {}

    static double multiplyAdds(SweepPoint p) {
        String dataset = String.valueOf(p.params().getOrDefault("dataset", "fashion-mnist"));
        boolean tabular = dataset.equals("breast-cancer");
        int side = 28;
        int inputs = tabular ? 30 : side * side;
        int classes = tabular ? 2 : 10;
        double width = p.params().get("model.width") instanceof Number n ? n.doubleValue() : 1.0;
        int depth = p.params().get("model.depth") instanceof Number n ? n.intValue() : 2;
        String model = String.valueOf(p.params().getOrDefault("model", "mlp"));
        switch (model) {
            case "lenet" -> {
                int channels = Math.max(1, (int) Math.round(12 * width));
                int convs = Math.max(3, depth);
                double total = 0;
                int in = 1;
                int h = side;
                for (int layer = 0; layer < convs; layer++) {
                    h = layer < 2 ? (h + 1) / 2 : h;
                    total += (double) h * h * channels * in * 25;
                    in = channels;
                }
                return total + (double) h * h * channels * classes;
            }
            case "logistic" -> {
                return (double) inputs * classes;
            }
            default -> {
                int units = Math.max(1, (int) Math.round(256 * width));
                double total = (double) inputs * units;
                for (int layer = 1; layer < depth; layer++) {
                    total += (double) units * units;
                }
                return total + (double) units * classes;
            }
        }
    }
}
