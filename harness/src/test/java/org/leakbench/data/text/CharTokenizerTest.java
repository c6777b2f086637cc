package org.leakbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharTokenizerTest {
    @Test
    void vocabularyIsTheUnknownTokenThenTheSortedCharacters() {
        CharTokenizer t = CharTokenizer.train("baca b\n");
        assertEquals(List.of(Tokenizer.UNKNOWN_TEXT, "\n", " ", "a", "b", "c"), t.tokens());
        assertArrayEquals(new int[] {4, 3, 5, 3, 2, 4, 1}, t.encode("baca b\n"));
    }

    @Test
    void roundTripsKnownTextIncludingCharactersBeyondTheBasicPlane() {
        String text = "Grüße, 𝄞 and naïve\ttabs\n";
        CharTokenizer t = CharTokenizer.train(text);
        int[] ids = t.encode(text);
        assertEquals(text.codePointCount(0, text.length()), ids.length);
        assertEquals(text, t.decode(ids));
    }

    @Test
    void unseenCharactersBecomeTheUnknownToken() {
        CharTokenizer t = CharTokenizer.train("ab");
        assertArrayEquals(new int[] {1, Tokenizer.UNKNOWN, 2}, t.encode("azb"));
        assertEquals("a\uFFFDb", t.decode(new int[] {1, 0, 2}));
        assertThrows(IllegalArgumentException.class, () -> t.decode(new int[] {3}));
    }
}
