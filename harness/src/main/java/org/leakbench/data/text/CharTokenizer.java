package org.leakbench.data.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One token per Unicode code point: the vocabulary is the unknown token followed by the code points of the
 * training text in ascending order, so the same training text always gives the same ids.
 */
public final class CharTokenizer implements Tokenizer {
    private final List<String> tokens;
    private final Map<Integer, Integer> idOfCodePoint = new HashMap<>();

    private CharTokenizer(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int id = 1; id < tokens.size(); id++) {
            idOfCodePoint.put(tokens.get(id).codePointAt(0), id);
        }
    }

    /** The tokenizer of the code points seen in {@code trainingText}. */
    public static CharTokenizer train(String trainingText) {
        TreeSet<Integer> seen = new TreeSet<>();
        trainingText.codePoints().forEach(seen::add);
        List<String> tokens = new ArrayList<>();
        tokens.add(UNKNOWN_TEXT);
        for (int cp : seen) {
            tokens.add(Character.toString(cp));
        }
        return new CharTokenizer(tokens);
    }

    @Override
    public int[] encode(String text) {
        return text.codePoints()
                .map(cp -> idOfCodePoint.getOrDefault(cp, UNKNOWN))
                .toArray();
    }

    @Override
    public String decode(int[] ids) {
        StringBuilder out = new StringBuilder(ids.length);
        for (int id : ids) {
            out.append(id == UNKNOWN ? "\uFFFD" : tokens.get(checked(id)));
        }
        return out.toString();
    }

    @Override
    public List<String> tokens() {
        return tokens;
    }

    private int checked(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id " + id + " outside [0, " + tokens.size() + ")");
        }
        return id;
    }
}
