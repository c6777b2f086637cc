package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteLossTest {
    @Test
    void epsilonInvertsDeltaOnRandomGrids() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            double[] pmf = rng.doubles(40).toArray();
            double total = 0;
            for (double p : pmf) {
                total += p;
            }
            double infinity = trial % 3 == 0 ? 1e-7 : 0.0;
            for (int i = 0; i < pmf.length; i++) {
                pmf[i] *= (1 - infinity) / total;
            }
            DiscreteLoss d = new DiscreteLoss(0.25, rng.nextInt(-30, 5), pmf, infinity, 0.0, rng.nextDouble(-0.1, 0.1));
            for (double delta : new double[] {1e-6, 1e-3, 0.05, 0.3, 0.9}) {
                double eps = d.epsilon(delta);
                if (infinity >= delta) {
                    assertEquals(Double.POSITIVE_INFINITY, eps);
                    continue;
                }
                assertTrue(eps >= 0, "trial " + trial);
                if (eps == 0) {
                    assertTrue(d.delta(0) <= delta * (1 + 1e-12), "trial " + trial + ": δ(0) above " + delta);
                } else {
                    assertEquals(delta, d.delta(eps), 1e-12, "trial " + trial + ", δ " + delta);
                }
            }
        }
    }

    @Test
    void chernoffMgfMatchesTheDirectSumAndNeverFallsBelowIt() {
        double[] pmf = new SplittableRandom(5).doubles(5000).toArray();
        double total = java.util.Arrays.stream(pmf).sum();
        for (int i = 0; i < pmf.length; i++) {
            pmf[i] /= total;
        }
        pmf[0] = 0;
        pmf[pmf.length - 1] = 0;
        DiscreteLoss d = new DiscreteLoss(1e-3, -2000, pmf, 0.0, 0.0, 3e-4);
        for (double lambda : new double[] {-512, -1, -1.0 / 64, 1.0 / 64, 1, 512}) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < pmf.length; i++) {
                if (pmf[i] > 0) {
                    max = Math.max(max, lambda * d.loss(i));
                }
            }
            double sum = 0;
            for (int i = 0; i < pmf.length; i++) {
                if (pmf[i] > 0) {
                    sum += pmf[i] * Math.exp(lambda * d.loss(i) - max);
                }
            }
            double direct = max + Math.log(sum);
            double fast = ChernoffWindow.logMgf(d, lambda);
            assertTrue(fast >= direct - 1e-14 * Math.abs(direct), "λ " + lambda + ": " + fast + " < " + direct);
            assertEquals(direct, fast, 1e-10 * Math.max(1, Math.abs(direct)), "λ " + lambda);
        }
    }
}
