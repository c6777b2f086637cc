package org.leakbench.defense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.leakbench.update.Update;

/**
 * What every {@link UpdateDefense} must do, written once and run against each implementation: keep the
 * shapes and metadata, be deterministic for a seed, never produce NaN, leave its input alone, and report
 * no more bytes than the plain update when it claims to compress.
 */
public abstract class UpdateDefenseContractTest {
    /** A fresh defense for one client. */
    protected abstract UpdateDefense defense();

    /** Whether the defense claims to send fewer bytes than the dense float32 update. */
    protected abstract boolean claimsCompression();

    /** A weight difference of three tensors with Gaussian entries, a few exact zeros and a repeated value. */
    protected static Update sampleUpdate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<int[]> shapes = List.of(new int[] {6, 5}, new int[] {6}, new int[] {2, 3, 4});
        List<float[]> values = new ArrayList<>();
        for (int[] s : shapes) {
            int n = 1;
            for (int d : s) {
                n *= d;
            }
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = (float) (rng.nextGaussian() * 0.1);
            }
            v[0] = 0f;
            v[n - 1] = v[n / 2];
            values.add(v);
        }
        return new Update(values, shapes, Update.Kind.WEIGHT_DIFFERENCE, 7, 0.05);
    }

    /** The contract's checks for the defense this subclass names. */
    @TestFactory
    Stream<DynamicTest> contract() {
        return contract(this::defense, claimsCompression());
    }

    /**
     * The contract's checks as tests, for a table of defenses in one test class: {@code defense} makes a fresh
     * defense for one client, {@code claimsCompression} says whether it claims to send fewer bytes than the
     * dense float32 update.
     */
    public static Stream<DynamicTest> contract(Supplier<UpdateDefense> defense, boolean claimsCompression) {
        return Stream.of(
                dynamicTest("keepsShapesAndMetadata", () -> keepsShapesAndMetadata(defense.get())),
                dynamicTest("deterministicPerSeed", () -> deterministicPerSeed(defense)),
                dynamicTest("neverReturnsNaN", () -> neverReturnsNaN(defense.get())),
                dynamicTest("doesNotModifyItsInput", () -> doesNotModifyItsInput(defense.get())),
                dynamicTest("reportsBytes", () -> reportsBytes(defense.get(), claimsCompression)),
                dynamicTest("hasAName", () -> assertFalse(defense.get().name().isBlank())));
    }

    private static void keepsShapesAndMetadata(UpdateDefense defense) {
        Update in = sampleUpdate(1);
        Update out = defense.apply(in, new SplittableRandom(2));
        assertEquals(in.values().size(), out.values().size());
        for (int i = 0; i < in.shapes().size(); i++) {
            assertArrayEquals(in.shapes().get(i), out.shapes().get(i), "shape of tensor " + i);
            assertEquals(in.values().get(i).length, out.values().get(i).length, "size of tensor " + i);
        }
        assertEquals(in.kind(), out.kind());
        assertEquals(in.localSteps(), out.localSteps());
        assertEquals(in.lr(), out.lr());
    }

    private static void deterministicPerSeed(Supplier<UpdateDefense> defense) {
        // Two fresh client instances fed the same updates and seeds give the same bits, also on a second
        // round (so per-client state such as error feedback evolves the same way).
        UpdateDefense a = defense.get().forClient(3);
        UpdateDefense b = defense.get().forClient(3);
        for (int round = 0; round < 2; round++) {
            Update in = sampleUpdate(10 + round);
            float[] x = a.apply(in, new SplittableRandom(99 + round)).flatten();
            float[] y = b.apply(in, new SplittableRandom(99 + round)).flatten();
            assertArrayEquals(x, y, "round " + round);
        }
    }

    private static void neverReturnsNaN(UpdateDefense defense) {
        UpdateDefense d = defense.forClient(0);
        for (long seed = 0; seed < 5; seed++) {
            for (float v :
                    d.apply(sampleUpdate(seed), new SplittableRandom(seed)).flatten()) {
                assertFalse(Float.isNaN(v) || Float.isInfinite(v), "non-finite output for seed " + seed);
            }
        }
    }

    private static void doesNotModifyItsInput(UpdateDefense defense) {
        Update in = sampleUpdate(4);
        float[] before = in.flatten();
        defense.apply(in, new SplittableRandom(5));
        assertArrayEquals(before, in.flatten());
    }

    private static void reportsBytes(UpdateDefense defense, boolean claimsCompression) {
        Update in = sampleUpdate(6);
        long bytes = defense.bytesSent(in);
        assertTrue(bytes > 0, "bytes sent must be positive, got " + bytes);
        if (claimsCompression) {
            assertTrue(
                    bytes < in.plainBytes(),
                    "compressing defense reports " + bytes + " bytes, plain is " + in.plainBytes());
        } else {
            assertTrue(bytes <= in.plainBytes(), "reports " + bytes + " bytes, plain is " + in.plainBytes());
        }
    }
}
