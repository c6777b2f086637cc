package org.leakbench.data;

import java.util.Arrays;
import java.util.Objects;

/** A training set and a test set of the same kind of samples (same sample shape and classes). */
public record DataSplit(Dataset train, Dataset test) {
    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (!Arrays.equals(train.sampleShape(), test.sampleShape())) {
            throw new IllegalArgumentException("train sample shape " + Arrays.toString(train.sampleShape())
                    + " differs from test sample shape " + Arrays.toString(test.sampleShape()));
        }
        if (train.numClasses() != test.numClasses()) {
            throw new IllegalArgumentException(
                    "train has " + train.numClasses() + " classes, test has " + test.numClasses());
        }
    }
}
