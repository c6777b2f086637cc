package org.leakbench.defense.dp;

import java.util.List;

/**
 * Composes the privacy-loss distributions of a list of {@link SampledGaussian} events on one grid, for one
 * direction of the add-or-remove relation: discretise one step of each event, self-compose it by one FFT
 * power, then convolve the events' results. Shared by {@link PrvAccountant} and {@link PldAccountant}, which
 * differ in how they discretise and what they do with the error.
 */
final class LossComposition {
    /** The largest FFT the accountants run (2^22 points, 64 MiB of work arrays). */
    static final int MAX_POINTS = 1 << 22;

    private static final double COARSE_H = 1e-2;

    private LossComposition() {}

    /** Total steps of all events. */
    static long steps(List<SampledGaussian> events) {
        long k = 0;
        for (SampledGaussian e : events) {
            k = Math.addExact(k, e.steps());
        }
        return k;
    }

    /**
     * The smallest grid step at or above {@code wanted} whose composed window fits in {@link #MAX_POINTS},
     * from the Chernoff windows of a coarse discretisation (in both directions).
     */
    static double gridStep(List<SampledGaussian> events, double wanted, double tail) {
        double span = 0;
        for (SubsampledGaussianLoss.Direction dir : SubsampledGaussianLoss.Direction.values()) {
            double s = 0;
            for (SampledGaussian e : events) {
                // An estimate for the cap only (with twice the points to spare): each composition sets its
                // window from its own grid.
                DiscreteLoss one = LossDiscretisation.CELL_CENTRED.discretise(loss(e, dir), COARSE_H, tail / e.steps());
                double[] w = ChernoffWindow.of(one, e.steps(), tail);
                s += w[1] - w[0];
            }
            span = Math.max(span, s);
        }
        return Math.max(wanted, span / (MAX_POINTS / 2.0));
    }

    /** The composed distribution of all events in one direction. */
    static DiscreteLoss compose(
            List<SampledGaussian> events,
            SubsampledGaussianLoss.Direction dir,
            LossDiscretisation how,
            double h,
            double tail) {
        boolean pessimistic = how == LossDiscretisation.CONNECT_THE_DOTS;
        DiscreteLoss total = null;
        for (SampledGaussian e : events) {
            DiscreteLoss one = how.discretise(loss(e, dir), h, tail / e.steps());
            DiscreteLoss all = one.selfCompose(e.steps(), tail, pessimistic);
            total = total == null ? all : total.compose(all, tail, pessimistic);
        }
        return total;
    }

    static SubsampledGaussianLoss loss(SampledGaussian e, SubsampledGaussianLoss.Direction dir) {
        return new SubsampledGaussianLoss(e.noiseMultiplier(), e.sampleRate(), dir);
    }
}
