package org.leakbench.defense.dp;

import java.util.List;

/**
 * The PRV accountant of Gopi, Lee, Wutschitz 2021, "Numerical Composition of Differential Privacy": the
 * privacy-loss random variable of each step is discretised on a grid of step h, rounded to cell centres and
 * shifted to keep its mean ({@link LossDiscretisation#CELL_CENTRED}), the steps are composed by one real FFT,
 * a k-th power and one inverse, and ε is read off the composed distribution with an error bound. Per step the
 * grid loss D is a function of the (clamped) true loss L with E[D − L] = 0 and D − L in an interval of length
 * h, so D − L is sub-Gaussian with variance proxy h²/4 (Hoeffding's lemma); over k steps the sums differ by
 * more than t = h·√(k·ln(2/δ_h)/2) with probability at most δ_h, which sizes the grid as in their Algorithm 1.
 * Mass cut from the tails is counted too (δ_c = δ_h + displaced mass ≤ δ error).
 * Then, with ε̃ the ε of the grid distribution (the form of their Theorem 5.1):
 * <pre>  ε̃(δ + δ_c) − t ≤ ε(δ) ≤ ε̃(δ − δ_c) + t.</pre>
 * h is chosen so that t equals the requested ε error, unless the composed grid would exceed
 * {@link LossComposition#MAX_POINTS}: then h grows and the bounds widen (reported, never hidden). Both
 * directions of the add-or-remove relation are composed and the larger ε taken.
 *
 * <p>Defaults as Opacus' {@code PRVAccountant}: ε error 0.01 and δ error δ/1000; like Opacus it reports the
 * upper bound as ε. Opacus builds its grid on a fixed domain that fails above ε ≈ 10; here the grid follows
 * Chernoff bounds of the composed loss, so large ε stays correct (with wider bounds when the grid is capped).
 */
public final class PrvAccountant implements Accountant {
    /** Opacus' default ε error. */
    public static final double DEFAULT_EPS_ERROR = 0.01;
    /** δ error as a fraction of δ (Opacus: δ/1000). */
    public static final double DEFAULT_DELTA_ERROR_FRACTION = 1e-3;

    private final double epsError;
    private final double deltaErrorFraction;

    /** With Opacus' defaults. */
    public PrvAccountant() {
        this(DEFAULT_EPS_ERROR, DEFAULT_DELTA_ERROR_FRACTION);
    }

    /** With the given ε error (&gt; 0) and δ error as a fraction of δ (in (0, 1)). */
    public PrvAccountant(double epsError, double deltaErrorFraction) {
        if (!(epsError > 0) || Double.isInfinite(epsError)) {
            throw new IllegalArgumentException("epsError must be finite and > 0, got " + epsError);
        }
        if (!(deltaErrorFraction > 0 && deltaErrorFraction < 1)) {
            throw new IllegalArgumentException("deltaErrorFraction must be in (0, 1), got " + deltaErrorFraction);
        }
        this.epsError = epsError;
        this.deltaErrorFraction = deltaErrorFraction;
    }

    @Override
    public String name() {
        return "prv";
    }

    /** The composed grid distributions in both directions and their error terms at a target δ. */
    private record Grid(DiscreteLoss remove, DiscreteLoss add, double t, double deltaC) {
        double epsilon(double delta) {
            return Math.max(remove.epsilon(delta), add.epsilon(delta));
        }

        double delta(double epsilon) {
            return Math.max(remove.delta(epsilon), add.delta(epsilon));
        }
    }

    private Grid grid(List<SampledGaussian> events, double delta) {
        long k = LossComposition.steps(events);
        double deltaError = deltaErrorFraction * delta;
        // A hundredth of the δ error may be cut from the tails (each step, each window, each trim); the rest
        // is the coupling's failure probability.
        double tail = deltaError / (100.0 * (4 * events.size() + 1));
        double hoeffding = deltaError * 0.99;
        double spread = Math.sqrt(k * Math.log(2 / hoeffding) / 2);
        double h = LossComposition.gridStep(events, epsError / spread, tail);
        DiscreteLoss remove = LossComposition.compose(
                events, SubsampledGaussianLoss.Direction.REMOVE, LossDiscretisation.CELL_CENTRED, h, tail);
        DiscreteLoss add = LossComposition.compose(
                events, SubsampledGaussianLoss.Direction.ADD, LossDiscretisation.CELL_CENTRED, h, tail);
        double displaced = Math.max(remove.displaced, add.displaced);
        return new Grid(remove, add, h * spread, hoeffding + displaced);
    }

    @Override
    public EpsilonEstimate epsilon(List<SampledGaussian> events, double delta) {
        List<SampledGaussian> checked = Accountant.checked(events, delta);
        Grid g = grid(checked, delta);
        double estimate = g.epsilon(delta);
        double upper = delta > g.deltaC() ? g.epsilon(delta - g.deltaC()) + g.t() : Double.POSITIVE_INFINITY;
        double lower = Math.max(0.0, g.epsilon(Math.min(1.0, delta + g.deltaC())) - g.t());
        return new EpsilonEstimate(name(), upper, lower, estimate, delta);
    }

    @Override
    public double delta(List<SampledGaussian> events, double epsilon) {
        Accountant.checkedEpsilon(epsilon);
        List<SampledGaussian> checked = Accountant.checked(events, 0.5);
        // The δ error is relative to δ, unknown here: budget it against the estimate at ε itself.
        Grid probe = grid(checked, 0.5);
        double guess = Math.max(probe.delta(epsilon), 1e-300);
        Grid g = grid(checked, Math.min(0.5, guess));
        return Math.min(1.0, g.delta(Math.max(0.0, epsilon - g.t())) + g.deltaC());
    }
}
