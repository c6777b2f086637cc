package org.leakbench.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Shape;

/** Compares autodiff gradients (first and second order) with central finite differences in float64. */
final class GradCheck {
    private final Backend be;
    private final SplittableRandom rng;

    GradCheck(Backend be, long seed) {
        this.be = be;
        this.rng = new SplittableRandom(seed);
    }

    double[] random(int n, double lo, double hi) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = lo + (hi - lo) * rng.nextDouble();
        }
        return d;
    }

    /** Inputs with values drawn from [lo, hi). */
    List<double[]> inputs(double lo, double hi, int[]... shapes) {
        List<double[]> out = new ArrayList<>();
        for (int[] s : shapes) {
            out.add(random(Shape.size(s), lo, hi));
        }
        return out;
    }

    /**
     * Checks d f / d inputs against finite differences, where f reduces an op's output to a scalar with
     * fixed random weights, then checks the gradient of s = Σ ⟨∇f, v⟩ the same way (second order).
     */
    void checkBothOrders(Function<List<Var>, Var> op, List<double[]> data, int[]... shapes) {
        Function<List<Var>, Var> f = reducer(op, data, shapes);
        check(f, data, shapes, "first order");
        List<double[]> dirs = new ArrayList<>();
        for (double[] d : data) {
            dirs.add(random(d.length, -1, 1));
        }
        Function<List<Var>, Var> s = xs -> {
            List<Var> g = Autodiff.grad(f.apply(xs), xs, true);
            Var total = null;
            for (int i = 0; i < xs.size(); i++) {
                Var v = Var.constant(be.fromArray(dirs.get(i), DType.F64, shapes[i]));
                Var t = Ops.sumAll(Ops.mul(g.get(i), v));
                total = total == null ? t : Ops.add(total, t);
            }
            return total;
        };
        check(s, data, shapes, "second order");
    }

    void checkFirstOrder(Function<List<Var>, Var> op, List<double[]> data, int[]... shapes) {
        check(reducer(op, data, shapes), data, shapes, "first order");
    }

    private Function<List<Var>, Var> reducer(Function<List<Var>, Var> op, List<double[]> data, int[]... shapes) {
        List<Var> probe = leaves(data, shapes);
        int[] outShape = op.apply(probe).shape();
        double[] w = random(Shape.size(outShape), -1, 1);
        return xs -> {
            Var y = op.apply(xs);
            if (y.value().size() == 1) {
                return Ops.sumAll(y);
            }
            return Ops.sumAll(Ops.mul(y, Var.constant(be.fromArray(w, DType.F64, outShape))));
        };
    }

    private List<Var> leaves(List<double[]> data, int[]... shapes) {
        List<Var> xs = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            xs.add(Var.leaf(be.fromArray(data.get(i), DType.F64, shapes[i]), "x" + i));
        }
        return xs;
    }

    private void check(Function<List<Var>, Var> f, List<double[]> data, int[][] shapes, String what) {
        List<Var> xs = leaves(data, shapes);
        Var out = f.apply(xs);
        assertEquals(1, out.value().size(), "objective must be scalar");
        List<Var> grads = Autodiff.grad(out, xs, false);
        double eps = 1e-5;
        for (int i = 0; i < data.size(); i++) {
            double[] analytic = grads.get(i).value().toDoubleArray();
            double[] x = data.get(i);
            for (int j = 0; j < x.length; j++) {
                double keep = x[j];
                x[j] = keep + eps;
                double up = f.apply(leaves(data, shapes)).value().item();
                x[j] = keep - eps;
                double down = f.apply(leaves(data, shapes)).value().item();
                x[j] = keep;
                double numeric = (up - down) / (2 * eps);
                double err = Math.abs(numeric - analytic[j]);
                double scale = Math.max(1.0, Math.abs(numeric));
                assertTrue(
                        err <= 2e-5 * scale,
                        what + ": input " + i + " element " + j + ": analytic " + analytic[j] + " vs numeric "
                                + numeric);
            }
        }
    }
}
