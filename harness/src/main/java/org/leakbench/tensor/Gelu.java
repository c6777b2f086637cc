package org.leakbench.tensor;

/**
 * The constants of GELU's tanh form (Hendrycks and Gimpel 2016; PyTorch's {@code approximate="tanh"}) and its
 * inner argument c·(x + 0.044715·x³), shared by {@link Backend#gelu}, its derivative and the fused loops.
 */
public final class Gelu {
    /** The cubic term's coefficient. */
    public static final double CUBIC = 0.044715;
    /** c = √(2/π). */
    public static final double SCALE = Math.sqrt(2 / Math.PI);

    private Gelu() {}

    /** c·(x + 0.044715·x³), as scale(add(x, scale(mul(square(x), x), 0.044715)), c). */
    static Tensor inner(Backend be, Tensor x) {
        return be.scale(be.add(x, be.scale(be.mul(be.square(x), x), CUBIC)), SCALE);
    }
}
