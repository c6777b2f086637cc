package org.leakbench.defense.dp;

import java.util.List;

/**
 * The privacy-loss-distribution accountant as in Google's dp_accounting ({@code PLDAccountant}; Koskela,
 * Jälkö, Honkela 2020; Doroshenko et al. 2022): each step's privacy loss is discretised pessimistically on a
 * grid of step h by connect-the-dots ({@link LossDiscretisation#CONNECT_THE_DOTS}, dp_accounting's default for
 * Gaussian mechanisms), tails beyond 10^-15 of mass are sent to +∞, and the steps are composed by FFT, both
 * directions of the add-or-remove relation, taking the larger δ. Every approximation moves loss upwards, so
 * ε is an upper bound up to floating-point error.
 *
 * <p>The lower end of the reported bracket comes from the same composition with every loss rounded down to
 * the grid and the tails dropped ({@link LossDiscretisation#ROUND_DOWN}): a valid lower bound, but one that
 * lags the true ε by up to k·h after k steps, so it is loose for long trainings.
 */
public final class PldAccountant implements Accountant {
    /** dp_accounting's default value_discretization_interval. */
    public static final double DEFAULT_INTERVAL = 1e-4;
    /** dp_accounting's default tail mass truncation. */
    static final double TAIL = 1e-15;

    private final double interval;
    private final boolean withLowerBound;

    /** Grid step 10^-4, with the lower bound. */
    public PldAccountant() {
        this(DEFAULT_INTERVAL, true);
    }

    /**
     * @param interval       the grid step h of the privacy loss, &gt; 0 (grown when the composed grid would be too
     *                       large)
     * @param withLowerBound whether to run the optimistic composition too (doubles the time)
     */
    public PldAccountant(double interval, boolean withLowerBound) {
        if (!(interval > 0) || Double.isInfinite(interval)) {
            throw new IllegalArgumentException("interval must be finite and > 0, got " + interval);
        }
        this.interval = interval;
        this.withLowerBound = withLowerBound;
    }

    @Override
    public String name() {
        return "pld";
    }

    private DiscreteLoss[] composed(List<SampledGaussian> events, LossDiscretisation how) {
        double h = LossComposition.gridStep(events, interval, TAIL);
        return new DiscreteLoss[] {
            LossComposition.compose(events, SubsampledGaussianLoss.Direction.REMOVE, how, h, TAIL),
            LossComposition.compose(events, SubsampledGaussianLoss.Direction.ADD, how, h, TAIL)
        };
    }

    @Override
    public EpsilonEstimate epsilon(List<SampledGaussian> events, double delta) {
        List<SampledGaussian> checked = Accountant.checked(events, delta);
        DiscreteLoss[] upper = composed(checked, LossDiscretisation.CONNECT_THE_DOTS);
        double eps = Math.max(upper[0].epsilon(delta), upper[1].epsilon(delta));
        double lower = Double.NaN;
        if (withLowerBound) {
            DiscreteLoss[] down = composed(checked, LossDiscretisation.ROUND_DOWN);
            lower = Math.min(eps, Math.max(down[0].epsilon(delta), down[1].epsilon(delta)));
        }
        return new EpsilonEstimate(name(), eps, lower, eps, delta);
    }

    @Override
    public double delta(List<SampledGaussian> events, double epsilon) {
        Accountant.checkedEpsilon(epsilon);
        DiscreteLoss[] upper = composed(Accountant.checked(events, 0.5), LossDiscretisation.CONNECT_THE_DOTS);
        return Math.max(upper[0].delta(epsilon), upper[1].delta(epsilon));
    }
}
