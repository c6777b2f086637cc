package org.leakbench.model.io;

import java.nio.file.Path;

/** A weight file that cannot be read or does not fit a model; the message names the file and the tensor. */
public final class WeightFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String tensor;

    public WeightFileException(Path file, String tensor, String problem) {
        super(file + ": " + (tensor == null ? "" : "tensor '" + tensor + "': ") + problem);
        this.tensor = tensor;
    }

    /** The tensor (or header part) at fault, or null when the problem concerns the whole file. */
    public String tensor() {
        return tensor;
    }
}
