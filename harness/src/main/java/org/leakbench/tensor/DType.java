package org.leakbench.tensor;

/** Element type of a tensor: float32 for speed (the default), float64 for exactness checks. */
public enum DType {
    F32,
    F64;

    /** Rounds a value to this type's precision. */
    public double round(double v) {
        return this == F32 ? (double) (float) v : v;
    }

    /** The wider of two types: mixing float32 and float64 yields float64. */
    public static DType wider(DType a, DType b) {
        return a == F64 || b == F64 ? F64 : F32;
    }
}
