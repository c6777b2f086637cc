package org.leakbench.component;

/** What a component needs from the rest of the point before it can run. */
public enum Requirement {
    /** A first layer that is linear with a bias (closed-form recovery from its gradient). */
    LINEAR_FIRST_LAYER("a linear first layer with a bias"),
    /** Samples that are images (channels x height x width). */
    IMAGE_DATA("image samples"),
    /** The server may choose the model it sends (an actively malicious server). */
    MALICIOUS_SERVER("a malicious server that chooses the model it sends"),
    /** The true labels of the data (a trained target, or a supervised loss). */
    LABELS("labelled data"),
    /** A target model trained on member rows it can score (membership inference). */
    TRAINED_TARGET("a target model trained on known member rows"),
    /** Samples that are windows of token ids, and a model that also takes them relaxed (soft one-hot vectors). */
    TOKEN_DATA("token samples and a model with a relaxed token input"),
    /** A model with BatchNorm layers whose statistics a prior can match (unless the point turns the prior off). */
    BATCH_NORM("a model with BatchNorm layers"),
    /** A transformer: the attack reads its self-attention layers or optimises its token embeddings. */
    SELF_ATTENTION("a transformer (self-attention over token embeddings)");

    private final String text;

    Requirement(String text) {
        this.text = text;
    }

    /** A few words for documentation and error messages. */
    public String text() {
        return text;
    }
}
