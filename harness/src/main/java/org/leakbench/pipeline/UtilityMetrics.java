package org.leakbench.pipeline;

import java.util.Map;
import org.leakbench.data.text.Perplexity;
import org.leakbench.model.HeldOutScore;
import org.leakbench.results.Metric;

/**
 * The utility columns of a row from the trained model's held-out score: accuracy and mean test loss for every
 * model, and perplexity for a next-token model on token data, where it is the customary utility of a language
 * model (an image classifier's exp(loss) is not a quantity anyone reports, so its cell stays empty).
 */
final class UtilityMetrics {
    private UtilityMetrics() {}

    static void put(Map<String, Object> m, HeldOutScore score, boolean tokens) {
        m.put(Metric.ACCURACY.column(), score.accuracy());
        m.put(Metric.TEST_LOSS.column(), score.meanLoss());
        if (tokens) {
            m.put(Metric.PERPLEXITY.column(), perplexity(score.meanLoss()));
        }
    }

    /** exp(loss); a diverged model's NaN or infinite loss is carried over rather than refused. */
    static double perplexity(double meanLoss) {
        return Double.isNaN(meanLoss) || Double.isInfinite(meanLoss) ? meanLoss : Perplexity.fromMeanLoss(meanLoss);
    }
}
