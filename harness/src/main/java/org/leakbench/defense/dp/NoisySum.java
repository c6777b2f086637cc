package org.leakbench.defense.dp;

/** The step shared by the central mechanisms: add N(0, std²) to a sum and divide. */
final class NoisySum {
    private NoisySum() {
    }

    /** (sum + N(0, std² I)) / denominator, computed in place on {@code sum}, which is returned. */
    static float[] noiseAndScale(float[] sum, double std, double denominator, FastGaussianSampler noise) {
        if (std > 0) {
            noise.addTo(sum, std);
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] = (float) (sum[i] / denominator);
        }
        return sum;
    }
}
