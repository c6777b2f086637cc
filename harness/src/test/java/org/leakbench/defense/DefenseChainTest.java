package org.leakbench.defense;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.compress.QuantizationOptions;
import org.leakbench.defense.compress.SparsificationOptions;
import org.leakbench.defense.compress.StochasticQuantization;
import org.leakbench.defense.compress.TopKCompression;
import org.leakbench.update.Update;

class DefenseChainTest extends UpdateDefenseContractTest {
    @Override
    protected UpdateDefense defense() {
        return DefenseChain.of(
                new StochasticQuantization(new QuantizationOptions(8)),
                new TopKCompression(new SparsificationOptions(0.3, true)));
    }

    @Override
    protected boolean claimsCompression() {
        return true;
    }

    @Test
    void appliesStagesInOrder() {
        Update in = sampleUpdate(3);
        UpdateDefense q = new StochasticQuantization(new QuantizationOptions(3));
        UpdateDefense k = new TopKCompression(new SparsificationOptions(0.2, false));
        SplittableRandom rng = new SplittableRandom(8);
        SplittableRandom first = rng.split();
        SplittableRandom second = rng.split();
        float[] expected = k.apply(q.apply(in, first), second).flatten();
        assertArrayEquals(
                expected,
                DefenseChain.of(q, k).apply(in, new SplittableRandom(8)).flatten());
    }

    @Test
    void reportsTheSmallestEncodingAndTime() {
        Update in = sampleUpdate(1);
        DefenseChain chain = DefenseChain.of(
                new StochasticQuantization(new QuantizationOptions(8)),
                new TopKCompression(new SparsificationOptions(0.1, false)));
        DefendedUpdate d = chain.applyMeasured(in, new SplittableRandom(0));
        long topk = 8L * (long) Math.ceil(0.1 * in.size());
        assertEquals(topk, d.cost().bytesSent());
        assertEquals(topk, chain.bytesSent(in));
        assertTrue(d.cost().nanos() >= 0);
        assertEquals("quant-8b+topk-0.1", chain.name());
    }

    @Test
    void emptyChainIsTheIdentity() {
        Update in = sampleUpdate(2);
        DefendedUpdate d = new DefenseChain(java.util.List.of()).applyMeasured(in, new SplittableRandom(0));
        assertTrue(Arrays.equals(in.flatten(), d.update().flatten()));
        assertEquals(in.plainBytes(), d.cost().bytesSent());
        assertEquals("none", UpdateDefense.none().name());
    }

    @Test
    void rejectsNullStages() {
        assertThrows(IllegalArgumentException.class, () -> new DefenseChain(Arrays.asList((UpdateDefense) null)));
    }
}
