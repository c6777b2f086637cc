package org.leakbench.defense.dp;

class LaplaceSamplerTest extends ContinuousNoiseContractTest {
    private static final double SCALE = 0.7;

    @Override
    float[] draw(long seed, int n) {
        float[] out = new float[n];
        new LaplaceSampler(seed).fill(out, SCALE);
        return out;
    }

    @Override
    double cdf(double x) {
        return x < 0 ? 0.5 * Math.exp(x / SCALE) : 1 - 0.5 * Math.exp(-x / SCALE);
    }

    @Override
    double variance() {
        return 2 * SCALE * SCALE;
    }

    @Override
    double fourthMoment() {
        return 24 * Math.pow(SCALE, 4);
    }
}
