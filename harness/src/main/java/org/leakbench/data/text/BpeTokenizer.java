package org.leakbench.data.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-pair encoding over characters (Sennrich, Haddow, Birch, Neural Machine Translation of Rare Words with
 * Subword Units, ACL 2016): starting from single code points, the most frequent adjacent pair of symbols is
 * merged into a new symbol until the vocabulary reaches its size. {@link BpeTrainer} learns the merges.
 *
 * <p>Text is first cut into chunks that merges never cross: a run of letters, of digits or of other
 * non-space characters, each with at most one leading space, or a run of whitespace (which leaves its last space
 * to a word that follows, as in GPT-2's pre-tokenizer). The chunks concatenate to
 * the input, so decoding gives back the exact text. A chunk is encoded by applying, again and again, the
 * earliest-learned merge that occurs in it (to all its occurrences, left to right), as in the paper's
 * {@code apply_bpe}.
 */
public final class BpeTokenizer implements Tokenizer {
    static final Pattern CHUNK = Pattern.compile(" ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+");

    /** A learned merge: the two symbols joined, by their text. */
    public record Merge(String left, String right) {}

    private final List<String> tokens;
    private final List<Merge> merges;
    private final Map<Integer, Integer> idOfCodePoint = new HashMap<>();
    /** (left id, right id) packed in a long, to the rank of its merge. */
    private final Map<Long, Integer> rankOfPair = new HashMap<>();

    private final int[] leftOfRank;
    private final int[] rightOfRank;
    private final int[] mergedOfRank;
    private final Map<String, int[]> cache = new ConcurrentHashMap<>();

    /**
     * @param alphabet the single code points of the training text, ascending (ids 1 ..)
     * @param merges   the merges in the order learned; each new text gets the next id
     */
    BpeTokenizer(List<String> alphabet, List<Merge> merges) {
        List<String> all = new ArrayList<>();
        all.add(UNKNOWN_TEXT);
        all.addAll(alphabet);
        Map<String, Integer> idOfText = new HashMap<>();
        for (int id = 1; id < all.size(); id++) {
            idOfCodePoint.put(all.get(id).codePointAt(0), id);
            idOfText.put(all.get(id), id);
        }
        leftOfRank = new int[merges.size()];
        rightOfRank = new int[merges.size()];
        mergedOfRank = new int[merges.size()];
        for (int rank = 0; rank < merges.size(); rank++) {
            Merge m = merges.get(rank);
            Integer left = idOfText.get(m.left());
            Integer right = idOfText.get(m.right());
            if (left == null || right == null) {
                throw new IllegalArgumentException("merge " + rank + " (" + m + ") joins a symbol not made before it");
            }
            String joined = m.left() + m.right();
            // two merges may spell the same text ("a"+"bc", "ab"+"c"): they share one token
            Integer merged = idOfText.get(joined);
            if (merged == null) {
                merged = all.size();
                idOfText.put(joined, merged);
                all.add(joined);
            }
            if (rankOfPair.putIfAbsent(pair(left, right), rank) != null) {
                throw new IllegalArgumentException("merge " + rank + " (" + m + ") is learned twice");
            }
            mergedOfRank[rank] = merged;
            leftOfRank[rank] = left;
            rightOfRank[rank] = right;
        }
        this.tokens = List.copyOf(all);
        this.merges = List.copyOf(merges);
    }

    /** Learns a tokenizer of {@code vocabularySize} tokens from {@code trainingText} ({@link BpeTrainer}). */
    public static BpeTokenizer train(String trainingText, int vocabularySize) {
        return BpeTrainer.train(trainingText, vocabularySize);
    }

    /** The merges in the order learned. */
    public List<Merge> merges() {
        return merges;
    }

    @Override
    public int[] encode(String text) {
        List<int[]> pieces = new ArrayList<>();
        int total = 0;
        for (String chunk : chunks(text)) {
            int[] ids = cache.computeIfAbsent(chunk, this::encodeChunk);
            pieces.add(ids);
            total += ids.length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int[] ids : pieces) {
            System.arraycopy(ids, 0, out, at, ids.length);
            at += ids.length;
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder();
        for (int id : ids) {
            if (id < 0 || id >= tokens.size()) {
                throw new IllegalArgumentException("token id " + id + " outside [0, " + tokens.size() + ")");
            }
            out.append(id == UNKNOWN ? "\uFFFD" : tokens.get(id));
        }
        return out.toString();
    }

    @Override
    public List<String> tokens() {
        return tokens;
    }

    /** The chunks of {@code text}, which concatenate to it. */
    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = CHUNK.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The id of each code point of {@code chunk} ({@link #UNKNOWN} when unseen). */
    int[] symbols(String chunk) {
        return chunk.codePoints()
                .map(cp -> idOfCodePoint.getOrDefault(cp, UNKNOWN))
                .toArray();
    }

    static long pair(int left, int right) {
        return ((long) left << 32) | (right & 0xffffffffL);
    }

    private int[] encodeChunk(String chunk) {
        int[] symbols = symbols(chunk);
        int n = symbols.length;
        while (n > 1) {
            int bestRank = Integer.MAX_VALUE;
            for (int i = 0; i + 1 < n; i++) {
                Integer rank = rankOfPair.get(pair(symbols[i], symbols[i + 1]));
                if (rank != null && rank < bestRank) {
                    bestRank = rank;
                }
            }
            if (bestRank == Integer.MAX_VALUE) {
                break;
            }
            n = BpeTrainer.mergeInPlace(
                    symbols, n, leftOfRank[bestRank], rightOfRank[bestRank], mergedOfRank[bestRank]);
        }
        return Arrays.copyOf(symbols, n);
    }
}
