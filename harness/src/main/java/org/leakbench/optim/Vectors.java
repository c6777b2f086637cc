package org.leakbench.optim;

/** Small dense-vector helpers for the optimisers. */
final class Vectors {
    private Vectors() {}

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    static double sumAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m += Math.abs(v);
        }
        return m;
    }

    static boolean finite(double[] a) {
        for (double v : a) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** out = x + t·d */
    static void step(double[] x, double t, double[] d, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + t * d[i];
        }
    }
}
