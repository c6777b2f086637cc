package org.leakbench.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

class UpdateTest {
    private static final Backend BE = Backends.get("ejml");

    private static Update sample() {
        return new Update(
                List.of(new float[] {1, 2, 3, 4, 5, 6}, new float[] {-1, 2}),
                List.of(new int[] {2, 3}, new int[] {2}),
                Update.Kind.WEIGHT_DIFFERENCE,
                5,
                0.01);
    }

    @Test
    void flattensAndSplitsBack() {
        Update u = sample();
        float[] flat = u.flatten();
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, -1, 2}, flat);
        Update back = Update.fromFlat(flat, u.shapes(), u.kind(), u.localSteps(), u.lr());
        assertArrayEquals(u.values().get(1), back.values().get(1));
        assertEquals(8, u.size());
        assertEquals(32, u.plainBytes());
    }

    @Test
    void tensorsRoundTrip() {
        Update u = sample();
        List<Tensor> t = u.toTensors(BE, DType.F64);
        assertEquals(DType.F64, t.get(0).dtype());
        assertArrayEquals(new int[] {2, 3}, t.get(0).shape());
        Update back = Update.fromTensors(t, u.kind(), u.localSteps(), u.lr());
        assertArrayEquals(u.flatten(), back.flatten());
        assertEquals(Update.Kind.GRADIENT, Update.fromTensors(t).kind());
    }

    @Test
    void arithmetic() {
        Update u = sample();
        assertEquals(Math.sqrt(1 + 4 + 9 + 16 + 25 + 36 + 1 + 4), u.l2Norm(), 1e-6);
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12, -2, 4}, u.scaled(2).flatten());
        assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12, -2, 4}, u.plus(u).flatten());
        assertEquals(5, u.scaled(2).localSteps(), "metadata is kept");
    }

    @Test
    void copiesItsInput() {
        float[] v = {1, 2};
        Update u = new Update(List.of(v), List.of(new int[] {2}), Update.Kind.GRADIENT, 1, 1);
        v[0] = 99;
        assertEquals(1f, u.values().get(0)[0]);
    }

    @Test
    void clearErrors() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new Update(List.of(new float[3]), List.of(new int[] {2, 2}), Update.Kind.GRADIENT, 1, 1));
        assertTrue(e.getMessage().contains("tensor 0") && e.getMessage().contains("3 values"), e.getMessage());
        Update u = sample();
        Update other = new Update(List.of(new float[8]), List.of(new int[] {8}), Update.Kind.GRADIENT, 1, 1);
        e = assertThrows(IllegalArgumentException.class, () -> u.plus(other));
        assertTrue(e.getMessage().contains("shapes differ"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> u.withFlat(new float[7]));
        assertTrue(e.getMessage().contains("7 values"), e.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> new Update(List.of(new float[1]), List.of(new int[] {1}), Update.Kind.GRADIENT, 0, 1));
    }
}
