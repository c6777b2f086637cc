package org.leakbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leakbench.data.Dataset;

class TokenWindowsTest {
    private static final Tokenizer DIGITS = CharTokenizer.train("0123456789");

    @Test
    void eachSampleIsAWindowLabelledWithTheNextToken() {
        int[] ids = {1, 2, 3, 4, 5, 6, 7, 8};
        Dataset d = TokenWindows.of("t", ids, 3, 2, DIGITS, Map.of("f", "00"));
        // starts 0, 2, 4 (start 6 would need id 9 for its label)
        assertEquals(3, d.size());
        assertArrayEquals(new int[] {3}, d.sampleShape());
        assertArrayEquals(new float[] {1, 2, 3}, d.samples()[0]);
        assertArrayEquals(new float[] {5, 6, 7}, d.samples()[2]);
        assertArrayEquals(new int[] {4, 6, 8}, d.labels());
        assertEquals(11, d.numClasses());
        assertEquals("9", d.classNames().get(10));
        assertEquals(Map.of("f", "00"), d.fileSha256());
    }

    @Test
    void theLastPossibleWindowIsKeptAndNoLabelRunsPastTheEnd() {
        int[] ids = {1, 2, 3, 4, 5};
        assertArrayEquals(
                new int[] {5}, TokenWindows.of("t", ids, 4, 1, DIGITS, Map.of()).labels());
        assertEquals(2, TokenWindows.of("t", ids, 3, 1, DIGITS, Map.of()).size());
        assertEquals(0, TokenWindows.of("t", ids, 5, 1, DIGITS, Map.of()).size());
        assertEquals(5, TokenWindows.minimumTokens(4));
    }

    @Test
    void theStrideWidensToKeepAtMostTheCap() {
        int tokens = 4 * TokenWindows.MAX_WINDOWS + 32;
        assertEquals(32, TokenWindows.strideFor(tokens, 32, 32));
        assertEquals(4, TokenWindows.strideFor(tokens, 32, 1));
        assertEquals(TokenWindows.MAX_WINDOWS, TokenWindows.count(tokens, 32, 1));
        int[] ids = new int[tokens];
        Dataset d = TokenWindows.of("t", ids, 32, 1, DIGITS, Map.of());
        assertEquals(TokenWindows.MAX_WINDOWS, d.size());
        assertEquals(75_001, TokenWindows.count(3 * TokenWindows.MAX_WINDOWS + 33, 32, 1));
    }

    @Test
    void refusesANonPositiveStride() {
        assertThrows(IllegalArgumentException.class, () -> TokenWindows.of("t", new int[9], 3, 0, DIGITS, Map.of()));
    }
}
