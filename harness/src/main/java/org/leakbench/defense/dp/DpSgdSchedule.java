package org.leakbench.defense.dp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The batches of {@code steps} steps of DP-SGD over {@code rows} rows at batch size B, and what the accountant
 * needs of them. Training draws its batches here and the accountant reads {@link #steps()} and
 * {@link #sampleRate()} from the same object, so what is accounted is what is run.
 *
 * <p>An epoch is ⌈N/B⌉ steps ({@link #ofEpochs}); both samplings run at rate q = min(1, B/N): under
 * {@link DpSampling#POISSON} a step's batch holds each row independently with probability q (possibly none:
 * the step then releases noise alone) and the sum is divided by q·N; under {@link DpSampling#SHUFFLE} an
 * epoch is a permutation cut into batches of B (the last one shorter), each divided by its own size.
 */
public record DpSgdSchedule(int rows, int batchSize, long steps, DpSampling sampling) {
    public DpSgdSchedule {
        if (rows < 1) {
            throw new IllegalArgumentException("DP-SGD needs at least one row, got " + rows);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("DP-SGD batch size must be >= 1, got " + batchSize);
        }
        if (steps < 0) {
            throw new IllegalArgumentException("DP-SGD steps must be >= 0, got " + steps);
        }
        if (sampling == null) {
            throw new IllegalArgumentException("dp.sampling must be poisson or shuffle, got null");
        }
    }

    /** {@code epochs} epochs of ⌈N/B⌉ steps each. */
    public static DpSgdSchedule ofEpochs(int rows, int batchSize, int epochs, DpSampling sampling) {
        if (epochs < 0) {
            throw new IllegalArgumentException("DP-SGD epochs must be >= 0, got " + epochs);
        }
        long perEpoch = rows < 1 || batchSize < 1 ? 0 : (rows + (long) batchSize - 1) / batchSize;
        return new DpSgdSchedule(rows, batchSize, epochs * perEpoch, sampling);
    }

    /** q = min(1, B/N): the Poisson rate, and the rate at which a shuffled run is (approximately) accounted. */
    public double sampleRate() {
        return Math.min(1.0, batchSize / (double) rows);
    }

    public int stepsPerEpoch() {
        return (rows + batchSize - 1) / batchSize;
    }

    /** Whether the accountant's ε is only the Poisson approximation (shuffled batches smaller than the data). */
    public boolean poissonApproximate() {
        return sampling == DpSampling.SHUFFLE && batchSize < rows;
    }

    /** ε at δ of the whole run (improved conversion, default orders). */
    public double epsilon(double noiseMultiplier, double delta) {
        return RdpAccountant.epsilon(noiseMultiplier, sampleRate(), steps(), delta, Conversion.IMPROVED);
    }

    /** The batches over {@code indices} (which must hold {@link #rows()} rows), drawing from the caller's stream. */
    public Batches batches(int[] indices) {
        if (indices.length != rows) {
            throw new IllegalArgumentException("DP-SGD schedule is for " + rows + " rows, got " + indices.length);
        }
        return new Batches(indices.clone());
    }

    /** One batch after another, {@link #steps()} of them. */
    public final class Batches {
        private final int[] order;
        private long step;

        private Batches(int[] order) {
            this.order = order;
        }

        public boolean hasNext() {
            return step < steps();
        }

        /** The next batch's rows. */
        public int[] next(SplittableRandom rng) {
            if (!hasNext()) {
                throw new IllegalStateException("all " + steps() + " DP-SGD steps have been drawn");
            }
            int within = (int) (step++ % stepsPerEpoch());
            if (sampling == DpSampling.POISSON) {
                return poisson(rng);
            }
            if (within == 0) {
                shuffle(rng);
            }
            int start = within * batchSize;
            return Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
        }

        /** The divisor of this batch's noisy sum: q·N under Poisson sampling, the batch's size otherwise. */
        public double denominator(int[] batch) {
            return sampling == DpSampling.POISSON ? sampleRate() * rows : batch.length;
        }

        private int[] poisson(SplittableRandom rng) {
            double q = sampleRate();
            int[] picked = new int[order.length];
            int n = 0;
            for (int row : order) {
                if (q >= 1.0 || rng.nextDouble() < q) {
                    picked[n++] = row;
                }
            }
            return Arrays.copyOf(picked, n);
        }

        private void shuffle(SplittableRandom rng) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
    }
}
