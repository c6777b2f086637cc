package org.leakbench.defense.dp;

/**
 * How the continuous privacy loss of one step is put on the grid {i·h}. Except for {@link #CELL_CENTRED}, each
 * bucket (ih, (i+1)h] sends its P-mass p to its two end points:
 * <ul>
 *   <li>{@link #CONNECT_THE_DOTS} keeps both p and the bucket's Q-mass (= E_P[e^{−L}]) exact, which is pessimistic for
 *       every ε because (1 − e^{ε}u)₊ is convex in u = e^{−L} (Doroshenko, Ghazi, Kamath, Kumar, Manurangsi
 *       2022); the upper tail goes to +∞. dp_accounting's default for Gaussian mechanisms.</li>
 *   <li>{@link #CELL_CENTRED} puts each cell's mass at its centre and shifts the grid so the mean loss is
 *       exact ({@link CellCentredDiscretisation}): the grid loss minus the true loss is then a mean-zero error
 *       in an interval of length h per step, which PRV's error bound needs (Gopi, Lee, Wutschitz 2021,
 *       Section 5); clamped tails are displaced and charged to δ.</li>
 *   <li>{@link #ROUND_DOWN} puts p at the lower end and drops the upper tail: optimistic, a lower bound.</li>
 * </ul>
 */
enum LossDiscretisation {
    CONNECT_THE_DOTS,
    CELL_CENTRED,
    ROUND_DOWN;

    /** The one-step distribution of {@code loss} on the grid of step h, tails beyond {@code tail} mass cut. */
    DiscreteLoss discretise(SubsampledGaussianLoss loss, double h, double tail) {
        if (this == CELL_CENTRED) {
            return CellCentredDiscretisation.discretise(loss, h, tail);
        }
        double[] range = loss.range(tail);
        long a = (long) Math.floor(range[0] / h);
        long b = Math.max(a + 1, (long) Math.ceil(range[1] / h));
        if (b - a > 50_000_000L) {
            throw new IllegalArgumentException(
                    "one step's privacy loss spans " + (b - a) + " grid points of " + h + "; noise too small");
        }
        int buckets = (int) (b - a);
        double[] pmf = new double[buckets + 1];
        // At every grid point the smaller of P(L > x) and P(L ≤ x) (differences of it keep their precision),
        // and likewise under Q for connect-the-dots.
        boolean[] upperTail = new boolean[buckets + 1];
        double[] pTail = new double[buckets + 1];
        double[] qTail = this == CONNECT_THE_DOTS ? new double[buckets + 1] : null;
        for (int i = 0; i <= buckets; i++) {
            double x = (a + i) * h;
            double above = loss.probability(x, false, false);
            upperTail[i] = above < 0.5;
            pTail[i] = upperTail[i] ? above : loss.probability(x, true, false);
            if (qTail != null) {
                qTail[i] = loss.probability(x, !upperTail[i], true);
            }
        }
        double below = upperTail[0] ? 1 - pTail[0] : pTail[0];
        double above = upperTail[buckets] ? pTail[buckets] : 1 - pTail[buckets];
        for (int i = 0; i < buckets; i++) {
            double p = difference(upperTail, pTail, i);
            if (!(p > 0)) {
                continue;
            }
            double upperShare;
            switch (this) {
                case CONNECT_THE_DOTS -> {
                    double qMass = difference(upperTail, qTail, i);
                    double x0 = (a + i) * h;
                    // a e^{−x0} + (p − a) e^{−x0−h} = qMass, solved for the upper share p − a
                    double lowerShare = (qMass * Math.exp(x0) - p * Math.exp(-h)) / -Math.expm1(-h);
                    upperShare = p - Math.min(p, Math.max(0.0, lowerShare));
                }
                default -> upperShare = 0.0;
            }
            pmf[i + 1] += upperShare;
            pmf[i] += p - upperShare;
        }
        double infinity = 0;
        if (this == CONNECT_THE_DOTS) {
            pmf[0] += below; // raising a loss is pessimistic
            infinity = above;
        } // else optimistic: both tails dropped
        return new DiscreteLoss(h, a, pmf, infinity, 0.0);
    }

    /**
     * Mass of (x_i, x_{i+1}] from the tails at its ends: both upper tails, both lower tails, or (where the
     * median lies inside) 1 minus the two outer tails.
     */
    static double difference(boolean[] upperTail, double[] tail, int i) {
        if (upperTail[i] && upperTail[i + 1]) {
            return tail[i] - tail[i + 1];
        }
        if (!upperTail[i] && !upperTail[i + 1]) {
            return tail[i + 1] - tail[i];
        }
        return upperTail[i] ? tail[i] + tail[i + 1] - 1 : 1 - tail[i] - tail[i + 1];
    }
}
