package org.leakbench.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Label-skewed partition: for every class, client shares are drawn from a symmetric Dirichlet(α) and the class's
 * shuffled samples are cut by those shares (Hsu, Qi, Brown 2019, "Measuring the Effects of Non-Identical Data
 * Distribution for Federated Visual Classification", arXiv:1909.06335). Small α gives clients few classes;
 * large α approaches an IID split.
 *
 * <p>Empty clients: after the draw, each client left empty receives one sample, taken at random from the client
 * that currently holds the most (no re-drawing, so the method always ends, and the draw is otherwise unchanged).
 * This needs {@code clients <= samples}, which is checked.
 */
public record DirichletPartition(double alpha) implements Partitioner {
    public DirichletPartition {
        if (!(alpha > 0) || Double.isInfinite(alpha)) {
            throw new IllegalArgumentException("alpha is " + alpha + ", must be a finite number > 0");
        }
    }

    @Override
    public int[][] split(int[] labels, int numClasses, int clients, SplittableRandom rng) {
        Partitions.validate(labels, numClasses, clients, rng);
        int[][] byClass = Partitions.indicesByClass(labels, numClasses);
        IntList[] parts = new IntList[clients];
        for (int c = 0; c < clients; c++) {
            parts[c] = new IntList();
        }
        for (int[] members : byClass) {
            Partitions.shuffle(members, rng);
            double[] shares = GammaSampler.dirichlet(alpha, clients, rng);
            // cut points from cumulative shares; the last client takes the remainder
            double cumulative = 0;
            int start = 0;
            for (int c = 0; c < clients; c++) {
                cumulative += shares[c];
                int end = c == clients - 1
                        ? members.length
                        : Math.min(members.length, (int) Math.round(cumulative * members.length));
                for (int i = start; i < end; i++) {
                    parts[c].add(members[i]);
                }
                start = Math.max(start, end);
            }
        }
        fillEmptyClients(parts, rng);
        int[][] result = new int[clients][];
        for (int c = 0; c < clients; c++) {
            result[c] = parts[c].toSortedArray();
        }
        return result;
    }

    private static void fillEmptyClients(IntList[] parts, SplittableRandom rng) {
        for (IntList empty : parts) {
            if (empty.size() > 0) {
                continue;
            }
            IntList largest = parts[0];
            for (IntList part : parts) {
                if (part.size() > largest.size()) {
                    largest = part;
                }
            }
            empty.add(largest.removeAt(rng.nextInt(largest.size())));
        }
    }

    @Override
    public String toString() {
        return "dirichlet(alpha=" + alpha + ")";
    }

    /** A minimal growable int list (avoids boxing for 60,000 indices). */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int removeAt(int index) {
            int value = values[index];
            values[index] = values[--size];
            return value;
        }

        int size() {
            return size;
        }

        int[] toSortedArray() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
