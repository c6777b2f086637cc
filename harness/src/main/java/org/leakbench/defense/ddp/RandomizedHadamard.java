package org.leakbench.defense.ddp;

import java.util.SplittableRandom;

/**
 * The randomised Walsh–Hadamard rotation x ↦ H D x / √D of Kairouz, Liu, Steinke (ICML 2021, Sec. 4.2): D random
 * signs drawn from a seed every client and the server share, then the normalised Hadamard transform. It is
 * orthonormal, so it keeps the L2 norm the clipping bounded, and it spreads a vector's mass evenly over the
 * coordinates, so rounding and modular clipping see no coordinate much larger than ‖x‖/√D. Vectors are padded with
 * zeros to the next power of two.
 */
public final class RandomizedHadamard {
    private final int length;
    private final int padded;
    private final boolean[] flip;

    /** A rotation of vectors of {@code length} elements with signs drawn from {@code seed}. */
    public RandomizedHadamard(int length, long seed) {
        if (length < 1 || length > 1 << 30) {
            throw new IllegalArgumentException("rotation length must be in [1, 2^30], got " + length);
        }
        this.length = length;
        this.padded = paddedLength(length);
        this.flip = new boolean[padded];
        SplittableRandom signs = new SplittableRandom(seed);
        for (int i = 0; i < padded; i++) {
            flip[i] = signs.nextBoolean();
        }
    }

    /** The smallest power of two at least {@code length}: the dimension the mechanism works in. */
    public static int paddedLength(int length) {
        return length <= 1 ? 1 : Integer.highestOneBit(length - 1) << 1;
    }

    public int length() {
        return length;
    }

    public int paddedLength() {
        return padded;
    }

    /** H D x / √D of {@code x} (length {@link #length()}), padded: a new array of {@link #paddedLength()}. */
    public double[] rotate(double[] x) {
        if (x.length != length) {
            throw new IllegalArgumentException("rotation of length " + length + " given a vector of " + x.length);
        }
        double[] y = new double[padded];
        for (int i = 0; i < length; i++) {
            y[i] = flip[i] ? -x[i] : x[i];
        }
        transform(y);
        return y;
    }

    /** The inverse D H y / √D, cut back to {@link #length()} elements; {@code y} is overwritten. */
    public double[] unrotate(double[] y) {
        if (y.length != padded) {
            throw new IllegalArgumentException("inverse rotation of length " + padded + " given " + y.length);
        }
        transform(y);
        double[] x = new double[length];
        for (int i = 0; i < length; i++) {
            x[i] = flip[i] ? -y[i] : y[i];
        }
        return x;
    }

    /** In-place normalised fast Walsh–Hadamard transform (its own inverse). */
    static void transform(double[] a) {
        int n = a.length;
        for (int h = 1; h < n; h <<= 1) {
            for (int i = 0; i < n; i += h << 1) {
                for (int j = i; j < i + h; j++) {
                    double u = a[j];
                    double v = a[j + h];
                    a[j] = u + v;
                    a[j + h] = u - v;
                }
            }
        }
        double norm = 1 / Math.sqrt(n);
        for (int i = 0; i < n; i++) {
            a[i] *= norm;
        }
    }
}
