package org.leakbench.model.io;

import java.util.Locale;

/** Element types of a weight file, spelled as safetensors spells them, with their width in bytes. */
public enum StoredDType {
    F32(4),
    F64(8),
    /** 64-bit integers, as PyTorch stores labels and BatchNorm's {@code num_batches_tracked}. */
    I64(8);

    private final int bytes;

    StoredDType(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** The type called {@code name} in a header, or null when this reader does not know it. */
    static StoredDType parse(String name) {
        for (StoredDType t : values()) {
            if (t.name().equals(name.toUpperCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }
}
