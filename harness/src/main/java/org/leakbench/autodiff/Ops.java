package org.leakbench.autodiff;

import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Conv2dSpec;
import org.leakbench.tensor.Tensor;

/**
 * Differentiable operations. Each records its inputs and a backward rule expressed with these same
 * operations, so that gradients are differentiable again (what DLG needs to differentiate a distance
 * between parameter gradients with respect to the dummy input).
 */
public final class Ops {
    private Ops() {}

    static Var node(Tensor value, Var.BackwardRule rule, String label, Var... parents) {
        boolean track = false;
        if (GradMode.enabled()) {
            for (Var p : parents) {
                track |= p.requiresGrad;
            }
        }
        return track ? new Var(value, parents, rule, true, label) : new Var(value, null, null, false, label);
    }

    private static Backend be(Var a) {
        return a.backend();
    }

    // ---- element-wise binary (broadcasting) ----

    // Rules return null for a parent that needs no gradient: a constant operand (the observed gradient in
    // DLG's distance) would otherwise cost a full-size negation or reduction per step.
    public static Var add(Var a, Var b) {
        return node(
                be(a).add(a.value(), b.value()),
                g -> new Var[] {a.requiresGrad ? sumTo(g, a.shape()) : null, b.requiresGrad ? sumTo(g, b.shape()) : null
                },
                "add",
                a,
                b);
    }

    public static Var sub(Var a, Var b) {
        return node(
                be(a).sub(a.value(), b.value()),
                g -> new Var[] {
                    a.requiresGrad ? sumTo(g, a.shape()) : null, b.requiresGrad ? neg(sumTo(g, b.shape())) : null
                },
                "sub",
                a,
                b);
    }

    public static Var mul(Var a, Var b) {
        return node(
                be(a).mul(a.value(), b.value()),
                g -> new Var[] {
                    a.requiresGrad ? sumTo(mul(g, b), a.shape()) : null,
                    b.requiresGrad ? sumTo(mul(g, a), b.shape()) : null
                },
                "mul",
                a,
                b);
    }

    public static Var div(Var a, Var b) {
        Tensor v = be(a).div(a.value(), b.value());
        Var[] self = new Var[1];
        self[0] = node(
                v,
                g -> new Var[] {
                    a.requiresGrad ? sumTo(div(g, b), a.shape()) : null,
                    b.requiresGrad ? sumTo(neg(mul(g, div(self[0], b))), b.shape()) : null
                },
                "div",
                a,
                b);
        return self[0];
    }

    public static Var scale(Var a, double s) {
        return node(be(a).scale(a.value(), s), g -> new Var[] {scale(g, s)}, "scale", a);
    }

    public static Var addScalar(Var a, double s) {
        return node(be(a).addScalar(a.value(), s), g -> new Var[] {g}, "addScalar", a);
    }

    // ---- element-wise unary ----

    public static Var neg(Var a) {
        return node(be(a).neg(a.value()), g -> new Var[] {neg(g)}, "neg", a);
    }

    public static Var exp(Var a) {
        Var[] self = new Var[1];
        self[0] = node(be(a).exp(a.value()), g -> new Var[] {mul(g, self[0])}, "exp", a);
        return self[0];
    }

    public static Var log(Var a) {
        return node(be(a).log(a.value()), g -> new Var[] {div(g, a)}, "log", a);
    }

    public static Var sqrt(Var a) {
        Var[] self = new Var[1];
        self[0] = node(be(a).sqrt(a.value()), g -> new Var[] {div(g, scale(self[0], 2))}, "sqrt", a);
        return self[0];
    }

    public static Var square(Var a) {
        return node(be(a).square(a.value()), g -> new Var[] {mul(g, scale(a, 2))}, "square", a);
    }

    public static Var sigmoid(Var a) {
        Var[] self = new Var[1];
        self[0] = node(be(a).sigmoid(a.value()), g -> new Var[] {sigmoidBackward(self[0], g)}, "sigmoid", a);
        return self[0];
    }

    /**
     * g · y · (1 − y), the gradient through a sigmoid with output y: one fused operation (LeNet has a sigmoid
     * after every layer), itself differentiable for DLG's second derivatives.
     */
    public static Var sigmoidBackward(Var y, Var g) {
        return node(
                be(y).sigmoidBackward(y.value(), g.value()),
                h -> new Var[] {
                    y.requiresGrad ? mul(mul(h, g), addScalar(scale(y, -2), 1)) : null,
                    g.requiresGrad ? sigmoidBackward(y, h) : null
                },
                "sigmoidBackward",
                y,
                g);
    }

    public static Var tanh(Var a) {
        Var[] self = new Var[1];
        self[0] = node(be(a).tanh(a.value()), g -> new Var[] {mul(g, addScalar(neg(square(self[0])), 1))}, "tanh", a);
        return self[0];
    }

    /** max(a, 0); its derivative is the (constant) mask a > 0, so its second derivative is zero. */
    public static Var relu(Var a) {
        return node(
                be(a).relu(a.value()), g -> new Var[] {mul(g, Var.constant(be(a).positiveMask(a.value())))}, "relu", a);
    }

    /** |a|, with derivative sign(a) (taken as 0 at 0). */
    public static Var abs(Var a) {
        return node(be(a).abs(a.value()), g -> new Var[] {mul(g, Var.constant(be(a).sign(a.value())))}, "abs", a);
    }

    // ---- shape and reduction ----

    public static Var sumAll(Var a) {
        int[] shape = a.shape();
        return node(be(a).sumAll(a.value()), g -> new Var[] {broadcastTo(g, shape)}, "sumAll", a);
    }

    /**
     * Σ a², as one node: its gradient 2·a·g needs one full-size product, where sumAll(square(a)) first
     * broadcasts g to a's shape and then multiplies twice.
     */
    public static Var sumOfSquares(Var a) {
        return node(be(a).dot(a.value(), a.value()), g -> new Var[] {mul(a, scale(g, 2))}, "sumOfSquares", a);
    }

    /** Σ a·b for a and b of one shape, fused (the inner products of Inverting Gradients' cosine distance). */
    public static Var dot(Var a, Var b) {
        requireSameShape(a, b, "dot");
        return node(
                be(a).dot(a.value(), b.value()),
                g -> new Var[] {a.requiresGrad ? mul(b, g) : null, b.requiresGrad ? mul(a, g) : null},
                "dot",
                a,
                b);
    }

    /**
     * Σ (a − b)² for a and b of one shape, fused (DLG's distance runs it on every parameter gradient of every
     * step). Its gradient is the differentiable {@link #scaledDifference}, so second derivatives work.
     */
    public static Var sumOfSquaredDifferences(Var a, Var b) {
        requireSameShape(a, b, "sumOfSquaredDifferences");
        return node(
                be(a).sumOfSquaredDifferences(a.value(), b.value()),
                g -> {
                    Var d = scaledDifference(a, b, scale(g, 2));
                    return new Var[] {a.requiresGrad ? d : null, b.requiresGrad ? neg(d) : null};
                },
                "sumOfSquaredDifferences",
                a,
                b);
    }

    /** s · (a − b) for a and b of one shape and a scalar s, fused. */
    public static Var scaledDifference(Var a, Var b, Var s) {
        requireSameShape(a, b, "scaledDifference");
        if (s.value().size() != 1) {
            throw new IllegalArgumentException(
                    "scaledDifference needs a scalar factor, got shape " + org.leakbench.tensor.Shape.str(s.shape()));
        }
        return node(
                be(a).scaledDifference(a.value(), b.value(), s.value()),
                g -> {
                    Var gs = a.requiresGrad || b.requiresGrad ? mul(g, s) : null;
                    return new Var[] {
                        a.requiresGrad ? gs : null,
                        b.requiresGrad ? neg(gs) : null,
                        s.requiresGrad ? sumTo(mul(g, sub(a, b)), s.shape()) : null
                    };
                },
                "scaledDifference",
                a,
                b,
                s);
    }

    private static void requireSameShape(Var a, Var b, String op) {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(op + " needs operands of one shape, got "
                    + org.leakbench.tensor.Shape.str(a.shape()) + " and " + org.leakbench.tensor.Shape.str(b.shape()));
        }
    }

    public static Var mean(Var a) {
        return scale(sumAll(a), 1.0 / a.value().size());
    }

    public static Var sumTo(Var a, int... shape) {
        if (java.util.Arrays.equals(a.shape(), shape)) {
            return a;
        }
        int[] from = a.shape();
        return node(be(a).sumTo(a.value(), shape), g -> new Var[] {broadcastTo(g, from)}, "sumTo", a);
    }

    public static Var broadcastTo(Var a, int... shape) {
        if (java.util.Arrays.equals(a.shape(), shape)) {
            return a;
        }
        int[] from = a.shape();
        return node(be(a).broadcastTo(a.value(), shape), g -> new Var[] {sumTo(g, from)}, "broadcastTo", a);
    }

    public static Var reshape(Var a, int... shape) {
        int[] from = a.shape();
        return node(be(a).reshape(a.value(), shape), g -> new Var[] {reshape(g, from)}, "reshape", a);
    }

    public static Var transpose(Var a) {
        return node(be(a).transpose(a.value()), g -> new Var[] {transpose(g)}, "transpose", a);
    }

    // ---- linear maps ----

    /** op(a) · op(b) for matrices. */
    public static Var matmul(Var a, Var b, boolean ta, boolean tb) {
        Tensor v = be(a).matmul(a.value(), b.value(), ta, tb);
        return node(
                v,
                g -> {
                    Var ga = null;
                    Var gb = null;
                    if (!ta && !tb) {
                        ga = a.requiresGrad ? matmul(g, b, false, true) : null;
                        gb = b.requiresGrad ? matmul(a, g, true, false) : null;
                    } else if (ta && !tb) {
                        ga = a.requiresGrad ? matmul(b, g, false, true) : null;
                        gb = b.requiresGrad ? matmul(a, g, false, false) : null;
                    } else if (!ta) {
                        ga = a.requiresGrad ? matmul(g, b, false, false) : null;
                        gb = b.requiresGrad ? matmul(g, a, true, false) : null;
                    } else {
                        ga = a.requiresGrad ? matmul(b, g, true, true) : null;
                        gb = b.requiresGrad ? matmul(g, a, true, true) : null;
                    }
                    return new Var[] {ga, gb};
                },
                "matmul",
                a,
                b);
    }

    public static Var matmul(Var a, Var b) {
        return matmul(a, b, false, false);
    }

    public static Var conv2d(Var x, Var w, Conv2dSpec spec) {
        int[] xs = x.shape();
        int[] ws = w.shape();
        return node(
                be(x).conv2d(x.value(), w.value(), spec),
                g -> new Var[] {
                    x.requiresGrad ? conv2dInputAdjoint(g, w, xs, spec) : null,
                    w.requiresGrad ? conv2dFilterAdjoint(x, g, ws, spec) : null
                },
                "conv2d",
                x,
                w);
    }

    /** The adjoint of conv2d in its input; linear in g and in w. */
    public static Var conv2dInputAdjoint(Var g, Var w, int[] inputShape, Conv2dSpec spec) {
        int[] ws = w.shape();
        return node(
                be(g).conv2dInputAdjoint(g.value(), w.value(), inputShape, spec),
                h -> new Var[] {
                    g.requiresGrad ? conv2d(h, w, spec) : null,
                    w.requiresGrad ? conv2dFilterAdjoint(h, g, ws, spec) : null
                },
                "conv2dInputAdjoint",
                g,
                w);
    }

    /** The adjoint of conv2d in its filter; linear in x and in g. */
    public static Var conv2dFilterAdjoint(Var x, Var g, int[] filterShape, Conv2dSpec spec) {
        int[] xs = x.shape();
        return node(
                be(x).conv2dFilterAdjoint(x.value(), g.value(), filterShape, spec),
                h -> new Var[] {
                    x.requiresGrad ? conv2dInputAdjoint(g, h, xs, spec) : null,
                    g.requiresGrad ? conv2d(x, h, spec) : null
                },
                "conv2dFilterAdjoint",
                x,
                g);
    }

    /** Row-wise log-softmax of [N, K]. */
    public static Var logSoftmax(Var a) {
        Var[] self = new Var[1];
        int n = a.shape()[0];
        self[0] = node(
                be(a).logSoftmax(a.value()),
                g -> new Var[] {sub(g, mul(exp(self[0]), sumTo(g, n, 1)))},
                "logSoftmax",
                a);
        return self[0];
    }
}
