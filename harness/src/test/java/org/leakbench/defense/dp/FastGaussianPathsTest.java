package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * {@link FastGaussianSampler#fill} and {@code addTo} make their generator words a chunk at a time, on the
 * Vector API when it is on ({@link SimdGaussian}), and let the slow path draw past them. Whatever the path,
 * the stream must be that of {@link FastGaussianSampler#nextGaussian()}, one sample at a time: over many seeds,
 * every length up to a few vector widths, lengths around the chunk size, runs of calls on one sampler, and
 * rejections placed at the end of a chunk. The surefire run without the Vector API repeats this test.
 */
class FastGaussianPathsTest {
    private static final int CHUNK = 256; // FastGaussianSampler.WORDS

    /** What fill or addTo must write: the one-at-a-time draws, scaled and rounded as the hot loop does. */
    private static float[] reference(FastGaussianSampler one, float[] base, double sigma, boolean add) {
        float[] out = new float[base.length];
        for (int i = 0; i < out.length; i++) {
            double z = one.nextGaussian();
            out[i] = add ? (float) (base[i] + z * sigma) : (float) (z * sigma);
        }
        return out;
    }

    /** fill (or with {@code add}, addTo) on a copy of {@code base} gives the one-at-a-time values bit for bit. */
    private static void assertMatchesOneAtATime(long seed, float[] base, double sigma, boolean add) {
        float[] out = base.clone();
        FastGaussianSampler sampler = new FastGaussianSampler(seed);
        if (add) {
            sampler.addTo(out, sigma);
        } else {
            sampler.fill(out, sigma);
        }
        assertSameBits(
                reference(new FastGaussianSampler(seed), base, sigma, add),
                out,
                "seed " + seed + ", length " + base.length);
    }

    private static void assertSameBits(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            if (Float.floatToRawIntBits(expected[i]) != Float.floatToRawIntBits(actual[i])) {
                fail(what + ": element " + i + " is " + actual[i] + ", one at a time gives " + expected[i]);
            }
        }
        assertEquals(expected.length, actual.length);
    }

    private static float[] base(SplittableRandom r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * 3);
        }
        return v;
    }

    @Test
    void everyShortLengthOverManySeeds() {
        for (long seed = 0; seed < 300; seed++) {
            for (int n = 0; n <= 70; n++) {
                assertMatchesOneAtATime(seed, new float[n], 1.5, false);
            }
        }
    }

    @Test
    void longAndOddLengthsWithAddTo() {
        SplittableRandom r = new SplittableRandom(31);
        int[] lengths = {CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 7, 4099, 65_537, 200_704};
        for (long seed = 100; seed < 140; seed++) {
            for (int n : lengths) {
                assertMatchesOneAtATime(seed, base(r, n), 0.37, true);
            }
        }
    }

    @Test
    void aSamplerCarriesOnAcrossCallsOfAnyLength() {
        SplittableRandom r = new SplittableRandom(5);
        for (long seed = 0; seed < 50; seed++) {
            FastGaussianSampler many = new FastGaussianSampler(seed);
            FastGaussianSampler one = new FastGaussianSampler(seed);
            for (int call = 0; call < 40; call++) {
                int n = r.nextInt(4) == 0 ? r.nextInt(3 * CHUNK) : r.nextInt(20);
                boolean add = r.nextBoolean();
                float[] base = base(r, n);
                float[] out = base.clone();
                if (add) {
                    many.addTo(out, 2.0);
                } else {
                    many.fill(out, 2.0);
                }
                assertSameBits(reference(one, base, 2.0, add), out, "seed " + seed + ", call " + call);
                // interleaved single draws share the same generator
                assertEquals(one.nextGaussian(), many.nextGaussian());
            }
        }
    }

    @Test
    void aRejectionAtTheLastWordOfAChunkDrawsPastIt() {
        // Seeds whose first rejected word is the chunk's last: the slow path's extra words lie beyond the chunk.
        int found = 0;
        for (long seed = 0; found < 5 && seed < 200_000; seed++) {
            if (firstRejection(new java.util.SplittableRandom(seed).nextLong(), CHUNK) == CHUNK - 1) {
                found++;
                float[] out = new float[CHUNK + 40];
                new FastGaussianSampler(seed).fill(out, 1.0);
                assertSameBits(reference(new FastGaussianSampler(seed), out, 1.0, false), out, "seed " + seed);
            }
        }
        assertEquals(5, found, "seeds with a rejection at the end of the first chunk");
    }

    /** The index of the first of n words after state s0 that the fast path rejects, or -1. */
    private static int firstRejection(long s0, int n) {
        long s = s0;
        for (int k = 0; k < n; k++) {
            s += FastGaussianSampler.GOLDEN_GAMMA;
            long bits = FastGaussianSampler.mix(s);
            if ((bits >>> 11) >= ZigguratTables.ACCEPT[(int) bits & 0xFF]) {
                return k;
            }
        }
        return -1;
    }

    @Test
    void zeroSigmaKeepsTheSignOfEachDraw() {
        float[] out = new float[1000];
        new FastGaussianSampler(3).fill(out, 0.0);
        assertSameBits(reference(new FastGaussianSampler(3), out, 0.0, false), out, "sigma 0");
        int negativeZeros = 0;
        for (float v : out) {
            negativeZeros += Float.floatToRawIntBits(v) == Float.floatToRawIntBits(-0.0f) ? 1 : 0;
        }
        assertTrue(negativeZeros > 400 && negativeZeros < 600, negativeZeros + " of 1000 are -0");
    }

    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    @Test
    @EnabledIf("vectorModulePresent")
    void vectorWordsAreTheScalarGeneratorsWords() {
        // Called directly, so that it is checked in the run with the Vector API switched off too.
        SplittableRandom r = new SplittableRandom(8);
        for (int trial = 0; trial < 2000; trial++) {
            long s0 = trial < 4 ? new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE}[trial] : r.nextLong();
            int n = trial % 100 == 0 ? CHUNK : r.nextInt(70);
            long[] words = new long[n + 3];
            SimdGaussian.words(s0, words, n);
            long[] expected = new long[n + 3];
            long s = s0;
            for (int k = 0; k < n; k++) {
                s += FastGaussianSampler.GOLDEN_GAMMA;
                expected[k] = FastGaussianSampler.mix(s);
            }
            assertArrayEquals(expected, words, "state " + s0 + ", " + n + " words");
        }
    }
}
