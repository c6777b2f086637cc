package org.leakbench.fl;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;

/**
 * FedAvg of an MLP on Fashion-MNIST over 10 IID clients: a quick utility check of the simulation.
 * Usage: {@code FedAvgDemo [dir] [rounds] [localEpochs] [localBatch] [lr] [hiddenUnits]}, where dir holds the
 * four IDX gzip files (default: the Debian package path /usr/share/datasets/fashion-mnist).
 */
public final class FedAvgDemo {
    private FedAvgDemo() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(arg(args, 0, "/usr/share/datasets/fashion-mnist"));
        int rounds = Integer.parseInt(arg(args, 1, "10"));
        int epochs = Integer.parseInt(arg(args, 2, "1"));
        int batch = Integer.parseInt(arg(args, 3, "32"));
        double lr = Double.parseDouble(arg(args, 4, "0.1"));
        int hidden = Integer.parseInt(arg(args, 5, "128"));

        float[][] trainX = readImages(dir.resolve("train-images-idx3-ubyte.gz"));
        int[] trainY = readLabels(dir.resolve("train-labels-idx1-ubyte.gz"));
        float[][] testX = readImages(dir.resolve("t10k-images-idx3-ubyte.gz"));
        int[] testY = readLabels(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        FlData data = new FlData(trainX, trainY, FlData.iidPartition(trainX.length, 10, 1), testX, testY);

        Model model = Models.build(ModelSpec.mlp(new int[] {784}, 10, hidden / 256.0, 1, Activation.RELU));
        FlOptions options = FlOptions.of(Algorithm.FEDAVG, 10, 10, rounds, epochs, batch, lr);
        FederatedTraining training = new FederatedTraining(model, Backends.get("ejml"), DType.F32, options, data,
                UpdateDefense.none());
        System.out.printf(Locale.ROOT, "FedAvg %s, %s%n", model.spec().label(), options);
        long start = System.nanoTime();
        TrainingHistory h = training.run(1, new HonestButCuriousServer(), r -> { });
        for (int r = 0; r < h.rounds(); r++) {
            System.out.printf(Locale.ROOT, "round %d: test accuracy %.4f, %.1f s, %.1f MB up%n", r + 1,
                    h.testAccuracy()[r], h.nanos()[r] / 1e9, h.bytesUp()[r] / 1e6);
        }
        System.out.printf(Locale.ROOT, "final accuracy %.4f after %.1f s%n", h.finalAccuracy(),
                (System.nanoTime() - start) / 1e9);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    private static DataInputStream open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing IDX file " + file);
        }
        InputStream in = new GZIPInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
    }

    /** IDX3 images (magic 2051) as rows of pixels scaled to [0, 1]. */
    static float[][] readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 2051) {
                throw new IOException(file + ": not an IDX image file (magic " + magic + ", expected 2051)");
            }
            int n = in.readInt();
            int size = in.readInt() * in.readInt();
            byte[] buf = new byte[size];
            float[][] out = new float[n][size];
            for (int i = 0; i < n; i++) {
                in.readFully(buf);
                for (int j = 0; j < size; j++) {
                    out[i][j] = (buf[j] & 0xff) / 255f;
                }
            }
            return out;
        }
    }

    /** IDX1 labels (magic 2049). */
    static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int magic = in.readInt();
            if (magic != 2049) {
                throw new IOException(file + ": not an IDX label file (magic " + magic + ", expected 2049)");
            }
            int[] out = new int[in.readInt()];
            for (int i = 0; i < out.length; i++) {
                out[i] = in.readUnsignedByte();
            }
            return out;
        }
    }
}
