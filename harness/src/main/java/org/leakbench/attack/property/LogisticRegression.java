package org.leakbench.attack.property;

/**
 * Binary logistic regression fitted by full-batch gradient descent on standardised features (mean and
 * standard deviation of the training rows), with an L2 penalty on the weights. Small and deterministic: the
 * attacker's classifier over update features.
 */
public final class LogisticRegression {
    private final double[] mean;
    private final double[] std;
    private final double[] w;
    private final double b;

    private LogisticRegression(double[] mean, double[] std, double[] w, double b) {
        this.mean = mean;
        this.std = std;
        this.w = w;
        this.b = b;
    }

    /** Fits rows {@code x} to labels {@code y}; both classes must be present. */
    public static LogisticRegression fit(double[][] x, boolean[] y, int steps, double rate, double l2) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException(
                    "logistic regression: " + x.length + " rows but " + y.length + " labels");
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] std = new double[d];
        for (double[] r : x) {
            if (r.length != d) {
                throw new IllegalArgumentException(
                        "logistic regression: rows have " + r.length + " and " + d + " features");
            }
            for (int j = 0; j < d; j++) {
                mean[j] += r[j] / x.length;
            }
        }
        for (double[] r : x) {
            for (int j = 0; j < d; j++) {
                std[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / x.length;
            }
        }
        for (int j = 0; j < d; j++) {
            std[j] = std[j] > 1e-24 ? Math.sqrt(std[j]) : 1.0;
        }
        double[][] z = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / std[j];
            }
        }
        double[] w = new double[d];
        double b = 0;
        for (int s = 0; s < steps; s++) {
            double[] gw = new double[d];
            double gb = 0;
            for (int i = 0; i < z.length; i++) {
                double err = sigmoid(dot(w, z[i]) + b) - (y[i] ? 1 : 0);
                for (int j = 0; j < d; j++) {
                    gw[j] += err * z[i][j];
                }
                gb += err;
            }
            for (int j = 0; j < d; j++) {
                w[j] -= rate * (gw[j] / z.length + l2 * w[j]);
            }
            b -= rate * gb / z.length;
        }
        return new LogisticRegression(mean, std, w, b);
    }

    /** The log-odds that {@code x} is positive. */
    public double logit(double[] x) {
        if (x.length != w.length) {
            throw new IllegalArgumentException(
                    "logistic regression: expected " + w.length + " features, got " + x.length);
        }
        double s = b;
        for (int j = 0; j < w.length; j++) {
            s += w[j] * (x[j] - mean[j]) / std[j];
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }
}
