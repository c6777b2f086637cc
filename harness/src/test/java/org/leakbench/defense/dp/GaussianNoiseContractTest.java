package org.leakbench.defense.dp;

/** The continuous-noise contract for N(0, σ²) samplers at σ = {@link #SIGMA}: each sampler says how it fills. */
abstract class GaussianNoiseContractTest extends ContinuousNoiseContractTest {
    static final double SIGMA = 2.5;

    @Override
    double cdf(double x) {
        return 0.5 * LogMath.erfc(-x / (SIGMA * Math.sqrt(2)));
    }

    @Override
    double variance() {
        return SIGMA * SIGMA;
    }

    @Override
    double fourthMoment() {
        return 3 * Math.pow(SIGMA, 4);
    }
}
