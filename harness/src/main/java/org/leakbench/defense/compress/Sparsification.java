package org.leakbench.defense.compress;

/**
 * A sparsifier that keeps k = {@link Selection#keepCount} of the n entries of the flattened update and zeroes
 * the rest; the subclasses differ in which k they keep and how the kept entries are encoded.
 */
abstract class Sparsification extends FeedbackCompression {
    private final SparsificationOptions options;
    private final String prefix;

    Sparsification(SparsificationOptions options, String prefix) {
        super(options.errorFeedback());
        this.options = options;
        this.prefix = prefix;
    }

    public SparsificationOptions options() {
        return options;
    }

    /** Entries kept of {@code n}. */
    int keepCount(int n) {
        return Selection.keepCount(options.fraction(), n);
    }

    @Override
    public String name() {
        return prefix + "-" + options.fraction() + suffix();
    }
}
