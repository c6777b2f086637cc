package org.leakbench.attack.inversion;

import org.leakbench.tensor.DType;

/**
 * Settings of DLG (Zhu, Liu, Han 2019): L-BFGS iterations (each with a strong-Wolfe line search), the
 * labels (learnt jointly as in DLG, or fixed from the gradient as in iDLG) and the arithmetic.
 */
public record DlgOptions(int iterations, boolean recoverLabels, DType dtype) {
    public DlgOptions {
        if (iterations < 1 || iterations > 1_000_000) {
            throw new IllegalArgumentException("attack.iterations must be in [1, 1000000], got " + iterations);
        }
        if (dtype == null) {
            throw new IllegalArgumentException("dlg dtype must be given");
        }
    }

    /** The paper's setting: 300 iterations, labels learnt jointly, float32. */
    public static DlgOptions paper() {
        return new DlgOptions(300, false, DType.F32);
    }
}
