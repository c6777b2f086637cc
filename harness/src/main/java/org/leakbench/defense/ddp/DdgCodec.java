package org.leakbench.defense.ddp;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.DiscreteGaussianSampler;

/**
 * The client's encoding and the server's decoding of the distributed discrete Gaussian (Kairouz, Liu, Steinke,
 * ICML 2021, Algorithms 1 and 2), for one round whose clients share {@code rotationSeed}.
 *
 * <p>Client: clip to L2 norm c, rotate ({@link RandomizedHadamard}), divide by γ, round conditionally
 * ({@link ConditionalRounding}), add discrete Gaussian noise of scale σ_l/γ (1/n of the sum's variance), and
 * reduce modulo 2^b. Secure aggregation then sums the clients' vectors in Z_{2^b}. Server: read each residue as a
 * signed number in [−2^(b−1), 2^(b−1)) (modular clipping: a coordinate of the sum outside that range wraps and
 * comes back wrong, which the choice of γ makes rare), multiply by γ and rotate back.
 */
public final class DdgCodec {
    /** {@code dp.noise} value of the fast table sampler ({@link DiscreteGaussianTable}). */
    public static final String FAST = "fast";
    /** {@code dp.noise} value of the exact sampler (Canonne, Kamath, Steinke 2020). */
    public static final String EXACT = "discrete-gaussian";

    private final DdgParameters params;
    private final RandomizedHadamard rotation;
    private final boolean exact;
    private final DiscreteGaussianTable table;
    private final double normBound;

    /**
     * @param noise {@link #FAST} (alias table over a {@link SplittableRandom}) or {@link #EXACT} (rational
     *              arithmetic over a cryptographic generator seeded from the caller's stream)
     */
    public DdgCodec(DdgParameters params, long rotationSeed, String noise) {
        if (!FAST.equals(noise) && !EXACT.equals(noise)) {
            throw new IllegalArgumentException(
                    "ddp: dp.noise must be '" + FAST + "' or '" + EXACT + "', got '" + noise + "'");
        }
        this.params = params;
        this.rotation = new RandomizedHadamard(params.length(), rotationSeed);
        double scale = params.localScale();
        // a table too large for memory falls back to the exact sampler, which is slower but has no size limit
        this.exact = EXACT.equals(noise) || (scale > 0 && !DiscreteGaussianTable.fits(scale));
        this.table = scale > 0 && !exact ? new DiscreteGaussianTable(scale) : null;
        this.normBound = params.roundedNormBound();
    }

    public DdgParameters params() {
        return params;
    }

    /** One client's vector in Z_{2^b} (residues as ints, read unsigned), ready for secure aggregation. */
    public int[] encode(float[] update, SplittableRandom random) {
        if (update.length != params.length()) {
            throw new IllegalArgumentException(
                    "ddp: update has " + update.length + " elements, the round's parameters expect " + params.length());
        }
        double[] x = clipped(update);
        double[] y = rotation.rotate(x);
        double inverseGamma = 1 / params.gamma();
        for (int i = 0; i < y.length; i++) {
            y[i] *= inverseGamma;
        }
        long[] v = ConditionalRounding.round(y, normBound, random).values();
        addNoise(v, random);
        int[] out = new int[v.length];
        long mask = params.bits() == 32 ? 0xFFFF_FFFFL : (1L << params.bits()) - 1;
        for (int i = 0; i < v.length; i++) {
            out[i] = (int) (v[i] & mask);
        }
        return out;
    }

    /** The decoded sum of the clients' updates from the sum of their encodings in Z_{2^b}. */
    public float[] decodeSum(int[] sum) {
        if (sum.length != params.paddedLength()) {
            throw new IllegalArgumentException(
                    "ddp: sum has " + sum.length + " elements, expected " + params.paddedLength());
        }
        double[] y = new double[sum.length];
        for (int i = 0; i < sum.length; i++) {
            y[i] = signed(sum[i], params.bits()) * params.gamma();
        }
        double[] x = rotation.unrotate(y);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float) x[i];
        }
        return out;
    }

    /** Modular clipping: the residue {@code r} of Z_{2^b} as the integer in [−2^(b−1), 2^(b−1)) it stands for. */
    public static long signed(int r, int bits) {
        if (bits == 32) {
            return r;
        }
        long v = r & ((1L << bits) - 1);
        return v >= 1L << (bits - 1) ? v - (1L << bits) : v;
    }

    private double[] clipped(float[] update) {
        double squared = 0;
        for (int i = 0; i < update.length; i++) {
            if (!Float.isFinite(update[i])) {
                throw new IllegalArgumentException("ddp: update element " + i + " is " + update[i]);
            }
            squared += (double) update[i] * update[i];
        }
        double norm = Math.sqrt(squared);
        double factor = norm > params.clip() ? params.clip() / norm : 1;
        double[] x = new double[update.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = update[i] * factor;
        }
        return x;
    }

    private void addNoise(long[] v, SplittableRandom random) {
        if (params.localStddev() == 0) {
            return;
        }
        if (!exact) {
            for (int i = 0; i < v.length; i++) {
                v[i] += table.sample(random);
            }
            return;
        }
        DiscreteGaussianSampler sampler = DiscreteGaussianSampler.ofSigma(params.localScale(), seeded(random));
        for (int i = 0; i < v.length; i++) {
            v[i] += sampler.sample();
        }
    }

    /** SHA1PRNG seeded before first use is deterministic, so runs repeat; a deployment seeds from the OS. */
    private static SecureRandom seeded(SplittableRandom random) {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(random.nextLong());
            return r;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA1PRNG generator", e);
        }
    }
}
