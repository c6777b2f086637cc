package org.leakbench.attack.audit;

import java.util.Locale;

/**
 * The DP setting a mechanism claims and its accountant is given.
 *
 * @param noiseMultiplier σ, &gt; 0 (an audit of σ = 0 has nothing to bound)
 * @param clipNorm        C, &gt; 0
 * @param sampleRate      q in (0, 1]: the Poisson rate of examples per step, or of clients per round
 * @param steps           noisy releases the auditor sees (steps or rounds), ≥ 1
 */
public record AuditSetting(double noiseMultiplier, double clipNorm, double sampleRate, int steps) {
    public AuditSetting {
        if (!(noiseMultiplier > 0) || Double.isInfinite(noiseMultiplier)) {
            throw new IllegalArgumentException("audit: the noise multiplier must be finite and > 0, got "
                    + noiseMultiplier + " (without noise there is no epsilon to audit)");
        }
        if (!(clipNorm > 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("audit: the clipping norm must be finite and > 0, got " + clipNorm);
        }
        if (!(sampleRate > 0 && sampleRate <= 1)) {
            throw new IllegalArgumentException("audit: the sampling rate must be in (0, 1], got " + sampleRate);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("audit: steps must be >= 1, got " + steps);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "σ=%g, C=%g, q=%g, %d steps", noiseMultiplier, clipNorm, sampleRate, steps);
    }
}
