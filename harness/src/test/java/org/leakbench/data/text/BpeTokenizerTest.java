package org.leakbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {
    private static BpeTokenizer.Merge merge(String left, String right) {
        return new BpeTokenizer.Merge(left, right);
    }

    @Test
    void mergesTheMostFrequentPairFirstAndStopsWhenNoPairRepeats() {
        // chunks "ab", " ab", " ab": (a, b) occurs 3 times, then (" ", ab) twice, then nothing twice
        BpeTokenizer t = BpeTokenizer.train("ab ab ab", 100);
        assertEquals(List.of(merge("a", "b"), merge(" ", "ab")), t.merges());
        assertEquals(List.of(Tokenizer.UNKNOWN_TEXT, " ", "a", "b", "ab", " ab"), t.tokens());
        assertArrayEquals(new int[] {4, 5, 5}, t.encode("ab ab ab"));
    }

    @Test
    void breaksTiesByTheTextOfTheLeftThenTheRightSymbol() {
        // (a, b) and (c, d) both occur twice; "a" < "c" so (a, b) is merged first
        BpeTokenizer t = BpeTokenizer.train("cdcd abab", 100);
        assertEquals(List.of(merge("a", "b"), merge("c", "d")), t.merges());
        // same counts, same order whatever the order of the text
        assertEquals(t.merges(), BpeTokenizer.train("abab cdcd", 100).merges());
    }

    @Test
    void theClassicExampleOfTheLowWords() {
        // the word counts of Sennrich et al. 2016 (low 5, lower 2, newest 6, widest 3), written as running text
        String text = "low low low low low lower lower newest newest newest newest newest newest widest widest widest";
        BpeTokenizer t = BpeTokenizer.train(text, 14);
        // pair counts: (e, s) 9 and (s, t) 9 (newest + widest), (w, e) 8, (l, o) 7, ...; the tie goes to (e, s),
        // then (es, t) occurs 9 times; 11 characters + the unknown token + 2 merges = 14 tokens
        assertEquals(merge("e", "s"), t.merges().get(0));
        assertEquals(merge("es", "t"), t.merges().get(1));
        assertEquals(14, t.vocabularySize());
        assertEquals(text, t.decode(t.encode(text)));
    }

    @Test
    void stopsAtTheVocabularySize() {
        String text = "the cat sat on the mat, the cat ate the rat";
        BpeTokenizer t = BpeTokenizer.train(text, 16);
        assertEquals(16, t.vocabularySize());
        int alphabet = (int) text.chars().distinct().count();
        assertEquals(16 - 1 - alphabet, t.merges().size());
    }

    @Test
    void roundTripsTextWithUnseenCharactersMappedToUnknown() {
        BpeTokenizer t = BpeTokenizer.train("And God said, Let there be light: and there was light.\n", 40);
        String known = "there was light, and God said\n\n  Let there be";
        assertEquals(known, t.decode(t.encode(known)));
        int[] ids = t.encode("light!");
        assertTrue(ids.length >= 2 && ids[ids.length - 1] == Tokenizer.UNKNOWN, java.util.Arrays.toString(ids));
        assertEquals("light\uFFFD", t.decode(ids));
    }

    @Test
    void chunksConcatenateToTheInput() {
        String text = "  Hello,  world!\n\t42 times—and 𝄞 again ";
        assertEquals(text, String.join("", BpeTokenizer.chunks(text)));
        assertEquals(
                List.of(" ", " Hello", ",", " ", " world", "!", "\n", "\t", "42", " times", "—", "and"),
                BpeTokenizer.chunks(text).subList(0, 12));
    }

    @Test
    void refusesAVocabularySmallerThanTheAlphabet() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> BpeTokenizer.train("abcdef", 5));
        assertTrue(
                e.getMessage().contains("6 distinct characters")
                        && e.getMessage().contains(">= 7"),
                e.getMessage());
    }

    @Test
    void mergesSpellingTheSameTextShareOneToken() {
        BpeTokenizer t = new BpeTokenizer(
                List.of("a", "b", "c"), List.of(merge("a", "b"), merge("b", "c"), merge("ab", "c"), merge("a", "bc")));
        assertEquals(List.of(Tokenizer.UNKNOWN_TEXT, "a", "b", "c", "ab", "bc", "abc"), t.tokens());
        assertArrayEquals(new int[] {6}, t.encode("abc"));
        assertEquals("abcab", t.decode(t.encode("abcab")));
    }

    @Test
    void agreesWithAPlainRecountOfEveryPairOnRealText() {
        String text = TextSource.bundled().text().substring(0, 12_000);
        BpeTokenizer t = BpeTokenizer.train(text, 160);
        assertEquals(plainMerges(text, 160), t.merges());
        assertEquals(text, t.decode(t.encode(text)));
    }

    /** Algorithm 1 of Sennrich et al. on symbol strings, recounting every pair after each merge. */
    private static List<BpeTokenizer.Merge> plainMerges(String text, int vocabularySize) {
        Map<List<String>, Integer> words = new LinkedHashMap<>();
        for (String chunk : BpeTokenizer.chunks(text)) {
            words.merge(chunk.codePoints().mapToObj(Character::toString).toList(), 1, Integer::sum);
        }
        java.util.Set<String> vocabulary = new java.util.HashSet<>();
        text.codePoints().forEach(cp -> vocabulary.add(Character.toString(cp)));
        int size = vocabulary.size() + 1;
        List<BpeTokenizer.Merge> merges = new ArrayList<>();
        while (size < vocabularySize) {
            Map<BpeTokenizer.Merge, Integer> pairs = new HashMap<>();
            words.forEach((w, n) -> {
                for (int i = 0; i + 1 < w.size(); i++) {
                    pairs.merge(merge(w.get(i), w.get(i + 1)), n, Integer::sum);
                }
            });
            BpeTokenizer.Merge best = pairs.entrySet().stream()
                    .filter(e -> e.getValue() > 1)
                    .min(Comparator.<Map.Entry<BpeTokenizer.Merge, Integer>>comparingInt(e -> -e.getValue())
                            .thenComparing(e -> e.getKey().left())
                            .thenComparing(e -> e.getKey().right()))
                    .map(Map.Entry::getKey)
                    .orElse(null);
            if (best == null) {
                break;
            }
            merges.add(best);
            if (vocabulary.add(best.left() + best.right())) {
                size++;
            }
            Map<List<String>, Integer> next = new LinkedHashMap<>();
            words.forEach((w, n) -> {
                List<String> out = new ArrayList<>();
                for (int i = 0; i < w.size(); i++) {
                    if (i + 1 < w.size()
                            && w.get(i).equals(best.left())
                            && w.get(i + 1).equals(best.right())) {
                        out.add(best.left() + best.right());
                        i++;
                    } else {
                        out.add(w.get(i));
                    }
                }
                next.merge(out, n, Integer::sum);
            });
            words = next;
        }
        return merges;
    }
}
