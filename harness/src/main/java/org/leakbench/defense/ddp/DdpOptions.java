package org.leakbench.defense.ddp;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings of {@code ddp-secagg} for a whole training run: the ε to reach at δ after {@code rounds} rounds,
 * and how to encode. The per-round {@link DdgParameters} follow from the number of clients and the update's
 * length ({@link #parameters}), calibrated once per pair.
 *
 * @param gamma   the grid width, 0 to derive it from {@code bits} and {@code stddevs}
 * @param stddevs k, standard deviations of the sum's coordinates kept inside the modulus
 * @param noise   {@link DdgCodec#FAST} or {@link DdgCodec#EXACT}
 */
public record DdpOptions(
        double epsilon,
        double delta,
        long rounds,
        double clip,
        int bits,
        double gamma,
        double beta,
        double stddevs,
        String noise) {
    private static final ConcurrentHashMap<DdpOptions, ConcurrentHashMap<List<Integer>, DdgParameters>> CACHE =
            new ConcurrentHashMap<>();

    public DdpOptions {
        if (!List.of(DdgCodec.FAST, DdgCodec.EXACT).contains(noise)) {
            throw new IllegalArgumentException(
                    "ddp: dp.noise must be '" + DdgCodec.FAST + "' or '" + DdgCodec.EXACT + "', got '" + noise + "'");
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("ddp: rounds must be >= 1, got " + rounds);
        }
    }

    /** γ and σ_l for {@code clients} clients summing vectors of {@code length} elements ({@link DdgCalibration}). */
    public DdgParameters parameters(int clients, int length) {
        return CACHE.computeIfAbsent(this, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(
                        List.of(clients, length),
                        k -> DdgCalibration.calibrate(new DdgCalibration.Target(
                                epsilon, delta, rounds, clip, bits, gamma, beta, stddevs, clients, length)));
    }

    /** The codec of one round: parameters for these clients and length, rotation seed drawn from {@code random}. */
    public DdgCodec codec(int clients, int length, SplittableRandom random) {
        return new DdgCodec(parameters(clients, length), random.nextLong(), noise);
    }

    /** The encodings of {@code updates} summed in Z_{2^b}, what secure aggregation hands the server. */
    public static int[] modularSum(List<int[]> encodings) {
        int[] sum = new int[encodings.get(0).length];
        for (int[] e : encodings) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += e[i]; // int arithmetic is Z_{2^32}; the decoder reduces it to Z_{2^b}
            }
        }
        return sum;
    }
}
