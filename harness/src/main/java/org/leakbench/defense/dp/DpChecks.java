package org.leakbench.defense.dp;

/** Argument checks shared by the accountant, the search and the mechanisms; messages name parameter and value. */
public final class DpChecks {
    private DpChecks() {}

    public static double delta(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
        }
        return delta;
    }

    public static double sampleRate(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("sampleRate must be in (0, 1], got " + q);
        }
        return q;
    }

    public static double noiseMultiplier(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("noiseMultiplier must be finite and >= 0, got " + sigma);
        }
        return sigma;
    }

    public static long steps(long steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        return steps;
    }

    public static double epsilon(double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("epsilon must be finite and > 0, got " + epsilon);
        }
        return epsilon;
    }

    public static double clipNorm(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("clipNorm must be finite and > 0, got " + c);
        }
        return c;
    }

    public static double[] orders(double[] orders) {
        if (orders == null || orders.length == 0) {
            throw new IllegalArgumentException("orders must hold at least one Rényi order > 1");
        }
        for (int i = 0; i < orders.length; i++) {
            if (!(orders[i] > 1) || Double.isInfinite(orders[i])) {
                throw new IllegalArgumentException(
                        "orders[" + i + "] must be a finite Rényi order > 1, got " + orders[i]);
            }
        }
        return orders.clone();
    }
}
