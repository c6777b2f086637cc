package org.leakbench.optim;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.function.BooleanSupplier;

/**
 * Limited-memory BFGS (Nocedal and Wright, Algorithm 7.4, two-loop recursion) with a strong-Wolfe line
 * search at every iteration. Stops on a small gradient, a stalled value, the iteration budget, a NaN
 * (status DIVERGED, never an exception) or the caller's cancellation.
 */
public final class Lbfgs {
    private final LbfgsOptions options;
    private final StrongWolfeLineSearch lineSearch;

    public Lbfgs(LbfgsOptions options) {
        this.options = options;
        this.lineSearch = StrongWolfeLineSearch.standard();
    }

    public OptimResult minimize(Objective f, double[] start, BooleanSupplier cancelled) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evals = 1;
        if (!Double.isFinite(fx) || !Vectors.finite(g)) {
            return new OptimResult(x, fx, 0, evals, OptimResult.Status.DIVERGED);
        }
        ArrayDeque<double[]> sHist = new ArrayDeque<>();
        ArrayDeque<double[]> yHist = new ArrayDeque<>();
        ArrayDeque<Double> rhoHist = new ArrayDeque<>();
        double[] d = new double[n];
        for (int iter = 1; iter <= options.maxIterations(); iter++) {
            if (cancelled.getAsBoolean()) {
                return new OptimResult(x, fx, iter - 1, evals, OptimResult.Status.CANCELLED);
            }
            if (Vectors.maxAbs(g) <= options.gradientTolerance()) {
                return new OptimResult(x, fx, iter - 1, evals, OptimResult.Status.CONVERGED);
            }
            direction(g, sHist, yHist, rhoHist, d);
            double dg = Vectors.dot(d, g);
            if (!(dg < 0)) { // not a descent direction: restart from steepest descent
                sHist.clear();
                yHist.clear();
                rhoHist.clear();
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                if (!(Vectors.dot(d, g) < 0)) { // g'g underflowed to 0: no direction left to descend along
                    return new OptimResult(x, fx, iter - 1, evals, OptimResult.Status.CONVERGED);
                }
            }
            double t0 = sHist.isEmpty()
                    ? Math.min(1.0, 1.0 / Vectors.sumAbs(g)) * options.learningRate()
                    : options.learningRate();
            StrongWolfeLineSearch.Step step = lineSearch.search(f, x, fx, g, d, t0);
            evals += step.evaluations();
            if (step.t() == 0) {
                boolean finite = step.finite();
                return new OptimResult(
                        x, fx, iter, evals, finite ? OptimResult.Status.CONVERGED : OptimResult.Status.DIVERGED);
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = step.x()[i] - x[i];
                y[i] = step.gradient()[i] - g[i];
            }
            double sy = Vectors.dot(s, y);
            if (sy > 1e-10) {
                if (sHist.size() == options.history()) {
                    sHist.removeFirst();
                    yHist.removeFirst();
                    rhoHist.removeFirst();
                }
                sHist.addLast(s);
                yHist.addLast(y);
                rhoHist.addLast(1.0 / sy);
            }
            double change = Math.abs(step.value() - fx);
            x = step.x();
            g = step.gradient();
            fx = step.value();
            if (change < options.valueTolerance() && Vectors.maxAbs(s) < options.valueTolerance()) {
                return new OptimResult(x, fx, iter, evals, OptimResult.Status.CONVERGED);
            }
        }
        return new OptimResult(x, fx, options.maxIterations(), evals, OptimResult.Status.MAX_ITERATIONS);
    }

    /** d = −H·g by the two-loop recursion, with H0 = (s'y / y'y)·I from the newest pair. */
    private static void direction(
            double[] g,
            ArrayDeque<double[]> sHist,
            ArrayDeque<double[]> yHist,
            ArrayDeque<Double> rhoHist,
            double[] d) {
        int n = g.length;
        int m = sHist.size();
        double[] q = g.clone();
        double[] alpha = new double[m];
        Iterator<double[]> si = sHist.descendingIterator();
        Iterator<double[]> yi = yHist.descendingIterator();
        Iterator<Double> ri = rhoHist.descendingIterator();
        for (int k = m - 1; k >= 0; k--) {
            double[] s = si.next();
            double[] y = yi.next();
            double rho = ri.next();
            alpha[k] = rho * Vectors.dot(s, q);
            for (int i = 0; i < n; i++) {
                q[i] -= alpha[k] * y[i];
            }
        }
        double gamma = 1.0;
        if (m > 0) {
            double[] s = sHist.peekLast();
            double[] y = yHist.peekLast();
            gamma = Vectors.dot(s, y) / Vectors.dot(y, y);
        }
        for (int i = 0; i < n; i++) {
            q[i] *= gamma;
        }
        si = sHist.iterator();
        yi = yHist.iterator();
        ri = rhoHist.iterator();
        for (int k = 0; k < m; k++) {
            double[] s = si.next();
            double[] y = yi.next();
            double rho = ri.next();
            double beta = rho * Vectors.dot(y, q);
            for (int i = 0; i < n; i++) {
                q[i] += s[i] * (alpha[k] - beta);
            }
        }
        for (int i = 0; i < n; i++) {
            d[i] = -q[i];
        }
    }
}
