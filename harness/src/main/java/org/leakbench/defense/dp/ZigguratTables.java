package org.leakbench.defense.dp;

/**
 * Tables for a 256-layer ziggurat of the standard normal (Marsaglia and Tsang 2000, "The ziggurat method for
 * generating random variables"). Built at class load from f(x) = exp(−x²/2): the tail start r is found by
 * bisection so that 256 layers of equal area v exactly cover the curve, rather than taken from a table.
 *
 * <p>Layer i spans x ∈ [0, x[i]], x[0] = v/f(r) being the virtual width of the base layer (which includes
 * the tail beyond x[1] = r) and x[256] = 0. A point u·x[i] with u uniform in [0, 1) is accepted at once when
 * u &lt; x[i+1]/x[i], about 99% of the time.
 */
final class ZigguratTables {
    static final int LAYERS = 256;
    /** Uniforms are 53-bit integers j; u = j · 2^-53. */
    static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    /** Layer edges x[0..256]. */
    static final double[] X = new double[LAYERS + 1];
    /** f(x[i]). */
    static final double[] F = new double[LAYERS + 1];
    /** Accept threshold on the 53-bit integer j: j &lt; ACCEPT[i] iff u &lt; x[i+1]/x[i]. */
    static final long[] ACCEPT = new long[LAYERS];
    /**
     * Signed scale for 9-bit indices: SCALE[s·256 + i] = ±x[i]·2^-53 (minus when s = 1), so that the
     * sign costs no branch.
     */
    static final double[] SCALE = new double[2 * LAYERS];

    static final double R;

    static {
        double lo = 2.0;
        double hi = 5.0;
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lo + hi);
            if (closes(mid)) {
                lo = mid; // layers too thick: they reach the top early, so the tail start moves out
            } else {
                hi = mid;
            }
        }
        R = lo;
        build(R);
        for (int i = 0; i < LAYERS; i++) {
            ACCEPT[i] = (long) Math.floor(X[i + 1] / X[i] * 0x1.0p53);
            SCALE[i] = X[i] * TWO_POW_MINUS_53;
            SCALE[LAYERS + i] = -X[i] * TWO_POW_MINUS_53;
        }
    }

    private ZigguratTables() {}

    static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /** Area of every layer: the base rectangle r·f(r) plus the tail ∫_r^∞ f = √(π/2) erfc(r/√2). */
    private static double layerArea(double r) {
        return r * f(r) + Math.sqrt(Math.PI / 2) * LogMath.erfc(r / Math.sqrt(2));
    }

    /** True when, for this r, the stack of equal-area layers reaches the top (f = 1) within 256 layers. */
    private static boolean closes(double r) {
        double v = layerArea(r);
        double x = r;
        for (int i = 1; i < LAYERS; i++) {
            double y = f(x) + v / x;
            if (y >= 1.0) {
                return true;
            }
            x = Math.sqrt(-2 * Math.log(y));
        }
        return false;
    }

    private static void build(double r) {
        double v = layerArea(r);
        X[0] = v / f(r);
        X[1] = r;
        for (int i = 1; i < LAYERS - 1; i++) {
            double y = f(X[i]) + v / X[i];
            X[i + 1] = Math.sqrt(-2 * Math.log(Math.min(y, 1.0)));
        }
        X[LAYERS] = 0.0;
        for (int i = 0; i <= LAYERS; i++) {
            F[i] = f(X[i]);
        }
    }
}
