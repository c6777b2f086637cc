package org.leakbench.optim;

/** A differentiable function of a flat vector, the shape every optimiser here works on. */
@FunctionalInterface
public interface Objective {
    /** Returns f(x) and writes ∇f(x) into {@code gradient} (same length as x). */
    double evaluate(double[] x, double[] gradient);
}
