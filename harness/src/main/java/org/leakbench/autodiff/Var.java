package org.leakbench.autodiff;

import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;

/**
 * A node of a differentiable computation: a tensor value plus how it was made. Leaves that require a
 * gradient are the inputs one differentiates with respect to; constants never do. Operations on vars
 * live in {@link Ops}; their backward rules are themselves written with {@link Ops}, so a gradient
 * computed with {@code createGraph} is again a var that can be differentiated.
 */
public final class Var {
    private final Tensor value;
    final Var[] parents;
    final BackwardRule rule;
    final boolean requiresGrad;
    private final String label;

    Var(Tensor value, Var[] parents, BackwardRule rule, boolean requiresGrad, String label) {
        this.value = value;
        this.parents = parents;
        this.rule = rule;
        this.requiresGrad = requiresGrad;
        this.label = label;
    }

    /** A leaf that gradients can be taken with respect to. */
    public static Var leaf(Tensor value, String label) {
        return new Var(value, null, null, true, label);
    }

    /** A value that is never differentiated. */
    public static Var constant(Tensor value) {
        return new Var(value, null, null, false, "const");
    }

    public Tensor value() {
        return value;
    }

    public Backend backend() {
        return value.backend();
    }

    public int[] shape() {
        return value.shape();
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    /** The same value, cut off from the graph. */
    public Var detach() {
        return constant(value);
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return "Var(" + label + ", " + org.leakbench.tensor.Shape.str(shape()) + ")";
    }

    /** How the gradients of an operation's inputs follow from the gradient of its output. */
    @FunctionalInterface
    interface BackwardRule {
        /** One gradient per parent (null where the parent needs none), built with {@link Ops}. */
        Var[] apply(Var gradOut);
    }
}
