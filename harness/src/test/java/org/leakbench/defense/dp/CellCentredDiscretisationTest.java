package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellCentredDiscretisationTest {
    @Test
    void meanLossOfTheUnsampledGaussianIsItsKlDivergence() {
        // q = 1: L = (2x − 1)/(2σ²) with x ∼ N(1, σ²) (remove), or its negative with x ∼ N(0, σ²) (add); either
        // way the mean is KL(P‖Q) = 1/(2σ²).
        for (double sigma : new double[] {0.5, 1.0, 3.0}) {
            double kl = 1 / (2 * sigma * sigma);
            SubsampledGaussianLoss remove =
                    new SubsampledGaussianLoss(sigma, 1.0, SubsampledGaussianLoss.Direction.REMOVE);
            SubsampledGaussianLoss add = new SubsampledGaussianLoss(sigma, 1.0, SubsampledGaussianLoss.Direction.ADD);
            assertEquals(kl, remove.clampedMean(-1e9, 1e9), 1e-12 * kl, "σ " + sigma);
            assertEquals(kl, add.clampedMean(-1e9, 1e9), 1e-12 * kl, "σ " + sigma);
        }
    }

    @Test
    void gridKeepsMassAndMeanWithinHalfACell() {
        double h = 1e-3;
        for (SubsampledGaussianLoss.Direction dir : SubsampledGaussianLoss.Direction.values()) {
            SubsampledGaussianLoss loss = new SubsampledGaussianLoss(1.0, 0.01, dir);
            DiscreteLoss d = LossDiscretisation.CELL_CENTRED.discretise(loss, h, 1e-12);
            double mass = 0;
            double mean = 0;
            for (int i = 0; i < d.pmf.length; i++) {
                mass += d.pmf[i];
                mean += d.pmf[i] * d.loss(i);
            }
            assertEquals(1.0, mass, 1e-12, dir.name());
            assertTrue(Math.abs(d.offset) <= h / 2, dir + " offset " + d.offset);
            double exact = loss.clampedMean(d.loss(0) - h / 2, d.loss(d.pmf.length - 1) + h / 2);
            assertEquals(exact, mean, 1e-12, dir.name());
            assertTrue(d.displaced <= 2e-12, dir + " displaced " + d.displaced);
        }
    }

    @Test
    void meanShiftRemovesTheRoundingBiasOfLongCompositions() {
        // Rounded to cell centres without the shift, 10^4 steps would carry a bias of up to 10^4·h/2 = 5 in ε;
        // with it the composed mean is k times the exact one-step mean.
        SubsampledGaussianLoss loss = new SubsampledGaussianLoss(1.0, 0.01, SubsampledGaussianLoss.Direction.REMOVE);
        double h = 1e-3;
        DiscreteLoss one = LossDiscretisation.CELL_CENTRED.discretise(loss, h, 1e-14);
        DiscreteLoss all = one.selfCompose(10_000, 1e-12, false);
        double mean = 0;
        for (int i = 0; i < all.pmf.length; i++) {
            mean += all.pmf[i] * all.loss(i);
        }
        double exact = 10_000 * loss.clampedMean(-1e9, 1e9);
        assertEquals(exact, mean, 1e-6 * Math.abs(exact) + 1e-9);
    }
}
