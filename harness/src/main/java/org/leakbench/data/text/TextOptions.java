package org.leakbench.data.text;

import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Range;
import org.leakbench.component.Tier;

/**
 * The data-level settings of a text data set: the context length (tokens per sample), the stride between
 * window starts (0 = the context length, so windows do not overlap) and the BPE vocabulary size.
 */
public record TextOptions(int context, int stride, int vocabulary) {
    /** Context length T: a sample holds T token ids, its label is the token after them. */
    public static final ParameterSpec CONTEXT = ParameterSpec.ofInt(
                    "text.context",
                    Tier.EXPENSIVE,
                    Range.atLeast(1),
                    32,
                    "tokens per text sample (context length); the label is the token that follows them")
            .withUnit("tokens");

    /** Distance between the starts of two consecutive windows. */
    public static final ParameterSpec STRIDE = ParameterSpec.ofInt(
                    "text.stride",
                    Tier.EXPENSIVE,
                    Range.atLeast(0),
                    0,
                    "tokens between the starts of consecutive text windows; 0 = text.context (no overlap)")
            .withUnit("tokens");

    /** Vocabulary size of the byte-pair encoding. */
    public static final ParameterSpec VOCABULARY = ParameterSpec.ofInt(
                    "text.vocab",
                    Tier.EXPENSIVE,
                    Range.atLeast(2),
                    512,
                    "BPE vocabulary size: the unknown token, the training text's characters and the learned merges")
            .withUnit("tokens");

    /** Every default. */
    public static final TextOptions DEFAULTS = new TextOptions(
            (Integer) CONTEXT.defaultValue(), (Integer) STRIDE.defaultValue(), (Integer) VOCABULARY.defaultValue());

    public TextOptions {
        if (context < 1) {
            throw new IllegalArgumentException("text.context is " + context + ", must be >= 1");
        }
        if (stride < 0) {
            throw new IllegalArgumentException("text.stride is " + stride + ", must be >= 0");
        }
        if (vocabulary < 2) {
            throw new IllegalArgumentException("text.vocab is " + vocabulary + ", must be >= 2");
        }
    }

    /** The options a point sets; the vocabulary keeps its default for a character-level data set. */
    public static TextOptions from(ParameterView point, boolean readsVocabulary) {
        return new TextOptions(
                point.intValue(CONTEXT.name()),
                point.intValue(STRIDE.name()),
                readsVocabulary ? point.intValue(VOCABULARY.name()) : DEFAULTS.vocabulary());
    }

    /** The stride in tokens (the context length when {@link #stride} is 0). */
    public int effectiveStride() {
        return stride == 0 ? context : stride;
    }
}
