package org.leakbench.data.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Learns the merges of a {@link BpeTokenizer} (Sennrich, Haddow, Birch 2016, Algorithm 1): count every adjacent
 * pair of symbols over the chunks of the training text, weighted by how often each chunk occurs, merge the most
 * frequent pair everywhere, and repeat. Ties go to the pair whose left, then right, symbol text comes first in
 * {@link String#compareTo} order, so the result depends on the text alone. Learning stops early when no pair
 * occurs twice, since a merge seen once only memorises the text.
 */
final class BpeTrainer {
    private BpeTrainer() {}

    static BpeTokenizer train(String trainingText, int vocabularySize) {
        TreeSet<Integer> seen = new TreeSet<>();
        trainingText.codePoints().forEach(seen::add);
        List<String> alphabet = new ArrayList<>();
        for (int cp : seen) {
            alphabet.add(Character.toString(cp));
        }
        int base = alphabet.size() + 1;
        if (vocabularySize < base) {
            throw new IllegalArgumentException("a BPE vocabulary of " + vocabularySize + " tokens cannot hold the "
                    + alphabet.size() + " distinct characters of the training text and the unknown token (needs >= "
                    + base + ")");
        }
        BpeTokenizer alphabetOnly = new BpeTokenizer(alphabet, List.of());
        Map<String, Integer> chunkCounts = new LinkedHashMap<>();
        for (String chunk : BpeTokenizer.chunks(trainingText)) {
            chunkCounts.merge(chunk, 1, Integer::sum);
        }
        List<int[]> words = new ArrayList<>();
        List<Integer> wordLengths = new ArrayList<>();
        int[] counts = new int[chunkCounts.size()];
        int w = 0;
        for (Map.Entry<String, Integer> e : chunkCounts.entrySet()) {
            int[] symbols = alphabetOnly.symbols(e.getKey());
            words.add(symbols);
            wordLengths.add(symbols.length);
            counts[w++] = e.getValue();
        }
        List<String> texts = new ArrayList<>(alphabetOnly.tokens());
        Map<String, Integer> idOfText = new HashMap<>();
        for (int id = 0; id < texts.size(); id++) {
            idOfText.put(texts.get(id), id);
        }
        List<BpeTokenizer.Merge> merges = new ArrayList<>();
        PairCounts pairs = new PairCounts();
        for (int i = 0; i < words.size(); i++) {
            pairs.add(i, words.get(i), wordLengths.get(i), counts[i]);
        }
        while (texts.size() < vocabularySize) {
            long best = 0;
            int bestCount = 1;
            for (Map.Entry<Long, Integer> e : pairs.counts.entrySet()) {
                int c = e.getValue();
                if (c > bestCount || (c == bestCount && c > 1 && before(e.getKey(), best, texts))) {
                    best = e.getKey();
                    bestCount = c;
                }
            }
            if (bestCount < 2) {
                break;
            }
            int left = (int) (best >>> 32);
            int right = (int) best;
            String joined = texts.get(left) + texts.get(right);
            Integer merged = idOfText.get(joined);
            if (merged == null) {
                merged = texts.size();
                idOfText.put(joined, merged);
                texts.add(joined);
            }
            merges.add(new BpeTokenizer.Merge(texts.get(left), texts.get(right)));
            // only the chunks holding the pair change: take their pairs out, merge, put the new pairs in
            for (int i : pairs.wordsWith(best)) {
                int[] symbols = words.get(i);
                pairs.add(i, symbols, wordLengths.get(i), -counts[i]);
                wordLengths.set(i, mergeInPlace(symbols, wordLengths.get(i), left, right, merged));
                pairs.add(i, symbols, wordLengths.get(i), counts[i]);
            }
        }
        return new BpeTokenizer(alphabet, merges);
    }

    /**
     * Replaces every non-overlapping occurrence of {@code left right} in the first {@code n} symbols, left to
     * right, by {@code merged}; returns the new length.
     */
    static int mergeInPlace(int[] symbols, int n, int left, int right, int merged) {
        int out = 0;
        int i = 0;
        while (i < n) {
            if (i + 1 < n && symbols[i] == left && symbols[i + 1] == right) {
                symbols[out++] = merged;
                i += 2;
            } else {
                symbols[out++] = symbols[i++];
            }
        }
        return out;
    }

    /** How often each adjacent pair occurs, weighted by chunk counts, and which chunks may hold it. */
    private static final class PairCounts {
        final Map<Long, Integer> counts = new HashMap<>();
        private final Map<Long, TreeSet<Integer>> where = new HashMap<>();

        void add(int word, int[] symbols, int length, int weight) {
            for (int j = 0; j + 1 < length; j++) {
                long pair = BpeTokenizer.pair(symbols[j], symbols[j + 1]);
                int c = counts.merge(pair, weight, Integer::sum);
                if (c == 0) {
                    counts.remove(pair);
                }
                if (weight > 0) {
                    where.computeIfAbsent(pair, k -> new TreeSet<>()).add(word);
                }
            }
        }

        /** The chunks that held {@code pair} (a copy: merging changes the index). */
        List<Integer> wordsWith(long pair) {
            TreeSet<Integer> found = where.remove(pair);
            return found == null ? List.of() : new ArrayList<>(found);
        }
    }

    /** Whether pair {@code a} comes before pair {@code b} in the tie order (by left text, then right text). */
    private static boolean before(long a, long b, List<String> texts) {
        int byLeft = texts.get((int) (a >>> 32)).compareTo(texts.get((int) (b >>> 32)));
        if (byLeft != 0) {
            return byLeft < 0;
        }
        return texts.get((int) a).compareTo(texts.get((int) b)) < 0;
    }
}
