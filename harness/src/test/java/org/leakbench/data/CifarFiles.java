package org.leakbench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small files in the CIFAR binary format for tests. */
final class CifarFiles {
    private CifarFiles() {}

    /**
     * Record {@code i} carries {@code labels[i]} (as many bytes as a label has) and pixels whose value at
     * position {@code p} is {@code pixel(i, p)}.
     */
    static byte[] records(int[][] labels) {
        int pixels = CifarLayout.PIXELS;
        int labelBytes = labels.length == 0 ? 1 : labels[0].length;
        byte[] out = new byte[labels.length * (labelBytes + pixels)];
        int at = 0;
        for (int i = 0; i < labels.length; i++) {
            for (int label : labels[i]) {
                out[at++] = (byte) label;
            }
            for (int p = 0; p < pixels; p++) {
                out[at++] = (byte) pixel(i, p);
            }
        }
        return out;
    }

    /** The byte stored at pixel {@code p} of record {@code i}: the plane (R 0, G 1, B 2) shows in the value. */
    static int pixel(int i, int p) {
        int plane = p / 1024;
        return (plane * 80 + (p % 1024) % 61 + 7 * i) & 0xff;
    }

    static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeText(Path file, String text) {
        write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A CIFAR-10 folder: each of the five training batches holds one record, the test batch two. */
    static void cifar10(Path folder) {
        for (int b = 1; b <= 5; b++) {
            write(folder.resolve("data_batch_" + b + ".bin"), records(new int[][] {{b}}));
        }
        write(folder.resolve("test_batch.bin"), records(new int[][] {{9}, {0}}));
    }

    /** A CIFAR-100 folder: three training records, one test record, labels (coarse, fine). */
    static void cifar100(Path folder) {
        write(folder.resolve("train.bin"), records(new int[][] {{19, 99}, {0, 42}, {3, 0}}));
        write(folder.resolve("test.bin"), records(new int[][] {{11, 57}}));
    }
}
