package org.leakbench.defense.dp;

import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The generator of {@link FastGaussianSampler} on the Vector API: a run of SplitMix64 words, lane k of a block
 * taking the word that the scalar generator gives k steps later. Only loaded when
 * {@link org.leakbench.tensor.SimdSupport#enabled()}.
 */
final class SimdGaussian {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    /** Lane k's offset from the generator state: (k + 1)·γ. */
    private static final long[] OFFSETS = new long[L.length()];

    static {
        for (int k = 0; k < OFFSETS.length; k++) {
            OFFSETS[k] = (k + 1) * FastGaussianSampler.GOLDEN_GAMMA;
        }
    }

    private SimdGaussian() {}

    /**
     * True with four or more long lanes. Per word, on one AVX-512 machine limited with -XX:UseAVX: two lanes
     * took 1.5 ns against the scalar generator's 1.3, four (AVX2, which has no 64-bit vector multiply) 0.8
     * against 1.0, eight 0.14 against 1.15.
     */
    static boolean worthwhile() {
        return L.length() >= 4;
    }

    /** words[k] = mix(state + (k + 1)·γ) for k below n: the next n words of the generator at {@code state}. */
    static void words(long state, long[] words, int n) {
        LongVector offsets = LongVector.fromArray(L, OFFSETS, 0);
        long step = L.length() * FastGaussianSampler.GOLDEN_GAMMA;
        long s = state;
        int k = 0;
        for (; k <= n - L.length(); k += L.length()) {
            LongVector z = offsets.add(s);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30))
                    .mul(0xbf58476d1ce4e5b9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27))
                    .mul(0x94d049bb133111ebL);
            z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31))
                    .intoArray(words, k);
            s += step;
        }
        for (; k < n; k++) {
            s += FastGaussianSampler.GOLDEN_GAMMA;
            words[k] = FastGaussianSampler.mix(s);
        }
    }
}
