package org.leakbench.optim;

/**
 * A line search that finds a step satisfying the strong Wolfe conditions (Nocedal and Wright, Numerical
 * Optimization, Algorithms 3.5 and 3.6): sufficient decrease f(x+td) ≤ f(x) + c1·t·g'd and curvature
 * |g(x+td)'d| ≤ c2·|g'd|. Bracketing, then zoom with cubic interpolation safeguarded by bisection.
 */
public final class StrongWolfeLineSearch {
    private final double c1;
    private final double c2;
    private final int maxEvaluations;

    public StrongWolfeLineSearch(double c1, double c2, int maxEvaluations) {
        if (!(0 < c1 && c1 < c2 && c2 < 1)) {
            throw new IllegalArgumentException("line search needs 0 < c1 < c2 < 1, got c1=" + c1 + ", c2=" + c2);
        }
        if (maxEvaluations < 1) {
            throw new IllegalArgumentException("line search maxEvaluations must be >= 1, got " + maxEvaluations);
        }
        this.c1 = c1;
        this.c2 = c2;
        this.maxEvaluations = maxEvaluations;
    }

    /** The usual choice for quasi-Newton methods: c1 = 1e-4, c2 = 0.9, at most 25 evaluations. */
    public static StrongWolfeLineSearch standard() {
        return new StrongWolfeLineSearch(1e-4, 0.9, 25);
    }

    /**
     * Outcome: the accepted step, the value and gradient there, and the evaluations spent. {@code finite} is
     * false when NaN or infinite trials left the search without any decrease (t = 0).
     */
    public record Step(double t, double value, double[] x, double[] gradient, int evaluations, boolean finite) {}

    /**
     * Searches along {@code d} from {@code x} (value {@code fx}, gradient {@code gx}) starting with step
     * {@code t0}. Throws IllegalArgumentException unless d is a descent direction (g'd < 0): along any other
     * direction no step can satisfy the conditions.
     */
    public Step search(Objective f, double[] x, double fx, double[] gx, double[] d, double t0) {
        double dg0 = Vectors.dot(gx, d);
        if (!(dg0 < 0)) {
            throw new IllegalArgumentException("line search needs a descent direction (g'd < 0), got g'd = " + dg0);
        }
        int n = x.length;
        double[] xt = new double[n];
        double[] gt = new double[n];
        double tPrev = 0;
        double fPrev = fx;
        double dgPrev = dg0;
        double t = t0;
        int evals = 0;
        Best best = new Best(fx, x, gx);
        boolean sawNonFinite = false;
        while (evals < maxEvaluations) {
            Vectors.step(x, t, d, xt);
            double ft = f.evaluate(xt, gt);
            evals++;
            if (!Double.isFinite(ft) || !Vectors.finite(gt)) {
                sawNonFinite = true;
                // Shrink into the known-good interval rather than giving up at once.
                t = 0.5 * (tPrev + t);
                if (t - tPrev < 1e-12) {
                    return best.step(evals, best.t > 0 || evals == 0);
                }
                continue;
            }
            double dgt = Vectors.dot(gt, d);
            best.offer(t, ft, xt, gt);
            if (ft > fx + c1 * t * dg0 || (evals > 1 && ft >= fPrev)) {
                return zoom(f, x, fx, dg0, d, tPrev, fPrev, dgPrev, t, ft, dgt, evals, best, sawNonFinite);
            }
            if (Math.abs(dgt) <= -c2 * dg0) {
                return new Step(t, ft, xt.clone(), gt.clone(), evals, true);
            }
            if (dgt >= 0) {
                return zoom(f, x, fx, dg0, d, t, ft, dgt, tPrev, fPrev, dgPrev, evals, best, sawNonFinite);
            }
            double next = cubicMin(tPrev, fPrev, dgPrev, t, ft, dgt, t + 0.01 * (t - tPrev), t * 10);
            tPrev = t;
            fPrev = ft;
            dgPrev = dgt;
            t = next;
        }
        return best.step(evals, best.t > 0 || !sawNonFinite);
    }

    private Step zoom(
            Objective f,
            double[] x,
            double fx,
            double dg0,
            double[] d,
            double lo,
            double fLo,
            double dgLo,
            double hi,
            double fHi,
            double dgHi,
            int evals,
            Best best,
            boolean sawNonFinite) {
        int n = x.length;
        double[] xt = new double[n];
        double[] gt = new double[n];
        while (evals < maxEvaluations && Math.abs(hi - lo) > 1e-12 * Math.max(1, Math.abs(lo))) {
            double a = Math.min(lo, hi);
            double b = Math.max(lo, hi);
            double t = cubicMin(lo, fLo, dgLo, hi, fHi, dgHi, a, b);
            double margin = 0.1 * (b - a);
            if (t < a + margin || t > b - margin) {
                t = 0.5 * (a + b);
            }
            Vectors.step(x, t, d, xt);
            double ft = f.evaluate(xt, gt);
            evals++;
            if (!Double.isFinite(ft) || !Vectors.finite(gt)) {
                sawNonFinite = true;
                hi = t;
                fHi = Double.MAX_VALUE;
                dgHi = 0;
                continue;
            }
            double dgt = Vectors.dot(gt, d);
            best.offer(t, ft, xt, gt);
            if (ft > fx + c1 * t * dg0 || ft >= fLo) {
                hi = t;
                fHi = ft;
                dgHi = dgt;
            } else {
                if (Math.abs(dgt) <= -c2 * dg0) {
                    return new Step(t, ft, xt.clone(), gt.clone(), evals, true);
                }
                if (dgt * (hi - lo) >= 0) {
                    hi = lo;
                    fHi = fLo;
                    dgHi = dgLo;
                }
                lo = t;
                fLo = ft;
                dgLo = dgt;
            }
        }
        return best.step(evals, best.t > 0 || !sawNonFinite);
    }

    /** The lowest finite trial so far: what the search returns when it ends without a Wolfe step. */
    private static final class Best {
        double t;
        double f;
        double[] x;
        double[] g;

        Best(double f, double[] x, double[] g) {
            this.f = f;
            this.x = x.clone();
            this.g = g.clone();
        }

        void offer(double t, double ft, double[] xt, double[] gt) {
            if (ft < f) {
                this.t = t;
                f = ft;
                x = xt.clone();
                g = gt.clone();
            }
        }

        Step step(int evals, boolean finite) {
            return new Step(t, f, x, g, evals, finite);
        }
    }

    /** Minimiser of the cubic through two points with slopes, clamped to [lo, hi]; midpoint if undefined. */
    static double cubicMin(double t1, double f1, double g1, double t2, double f2, double g2, double lo, double hi) {
        double d1 = g1 + g2 - 3 * (f1 - f2) / (t1 - t2);
        double disc = d1 * d1 - g1 * g2;
        double t;
        if (disc >= 0 && t1 != t2) {
            double d2 = Math.signum(t2 - t1) * Math.sqrt(disc);
            t = t2 - (t2 - t1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2));
        } else {
            t = 0.5 * (lo + hi);
        }
        if (!Double.isFinite(t)) {
            t = 0.5 * (lo + hi);
        }
        return Math.min(Math.max(t, lo), hi);
    }
}
