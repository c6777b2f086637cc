package org.leakbench.defense.dp;

/**
 * The discretisation of Gopi, Lee, Wutschitz 2021 ("Numerical Composition of Differential Privacy", Section 5
 * and Algorithm 1): the loss, clamped to the grid's outer cell edges, is rounded to the centre of its cell
 * [(i − ½)h, (i + ½)h), and the whole grid is then shifted by c = E[clamped loss] − E[cell centre] so that the
 * means agree exactly. The grid loss D is then a deterministic function of the clamped loss L' with
 * D − L' in [c − h/2, c + h/2], an interval of length h, and E[D − L'] = 0: Hoeffding's lemma gives the
 * variance proxy h²/4 per step, which sizes the grid in {@link PrvAccountant}. The clamped mass (at most
 * {@code tail} on each side) is recorded as displaced, because clamping moved it by more than a cell.
 */
final class CellCentredDiscretisation {
    /** A shift beyond this many cells means the quadrature of the mean failed. */
    private static final double MAX_SHIFT_CELLS = 0.5 + 1e-6;

    private CellCentredDiscretisation() {}

    static DiscreteLoss discretise(SubsampledGaussianLoss loss, double h, double tail) {
        double[] range = loss.range(tail);
        long a = Math.round(range[0] / h);
        long b = Math.max(a + 1, Math.round(range[1] / h));
        if (b - a > 50_000_000L) {
            throw new IllegalArgumentException(
                    "one step's privacy loss spans " + (b - a) + " grid points of " + h + "; noise too small");
        }
        int cells = (int) (b - a + 1);
        // Edge j (1 ≤ j < cells) is (a + j − ½)h, between cells j − 1 and j. At each the smaller of P(L > x)
        // and P(L ≤ x), whose differences keep their precision.
        boolean[] upperTail = new boolean[cells + 1];
        double[] pTail = new double[cells + 1];
        for (int j = 1; j < cells; j++) {
            double x = (a + j - 0.5) * h;
            double above = loss.probability(x, false, false);
            upperTail[j] = above < 0.5;
            pTail[j] = upperTail[j] ? above : loss.probability(x, true, false);
        }
        // Outer "edges" at ∓∞: everything below edge 1 or above edge cells − 1 is clamped into the end cells.
        upperTail[0] = false;
        pTail[0] = 0.0;
        upperTail[cells] = true;
        pTail[cells] = 0.0;
        double[] pmf = new double[cells];
        double centredMean = 0;
        for (int i = 0; i < cells; i++) {
            pmf[i] = Math.max(0.0, LossDiscretisation.difference(upperTail, pTail, i));
            centredMean += pmf[i] * ((a + i) * h);
        }
        double lowEdge = (a - 0.5) * h;
        double highEdge = (b + 0.5) * h;
        double displaced = loss.probability(lowEdge, true, false) + loss.probability(highEdge, false, false);
        double shift = loss.clampedMean(lowEdge, highEdge) - centredMean;
        if (!(Math.abs(shift) <= MAX_SHIFT_CELLS * h)) {
            throw new IllegalStateException("mean shift " + shift + " exceeds half a cell of " + h
                    + " (σ and q too extreme for the quadrature of the mean loss)");
        }
        return new DiscreteLoss(h, a, pmf, 0.0, displaced, shift);
    }
}
