package org.leakbench.data.text;

import java.util.List;

/**
 * Maps text to token ids and back. Ids run from 0 to {@link #vocabularySize()} - 1; id {@link #UNKNOWN} stands
 * for every character the tokenizer did not see in its training text.
 */
public interface Tokenizer {
    /** The id of the unknown token in every tokenizer here. */
    int UNKNOWN = 0;

    /** How the unknown token is written in {@link #tokens()}. */
    String UNKNOWN_TEXT = "<unk>";

    /** The ids of {@code text}, in order. */
    int[] encode(String text);

    /**
     * The text of {@code ids}: the exact input of {@link #encode} when it held only known characters; each
     * unknown token decodes to U+FFFD.
     */
    String decode(int[] ids);

    /** The text of every token by id ({@link #UNKNOWN_TEXT} for the unknown token). */
    List<String> tokens();

    /** Number of distinct ids. */
    default int vocabularySize() {
        return tokens().size();
    }
}
