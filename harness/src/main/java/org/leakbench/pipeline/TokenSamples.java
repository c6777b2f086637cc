package org.leakbench.pipeline;

import java.util.Arrays;
import org.leakbench.attack.AttackParameters;
import org.leakbench.attack.AttackResult;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.data.Dataset;
import org.leakbench.metric.LabelMetrics;
import org.leakbench.metric.TokenScore;
import org.leakbench.model.Model;

/**
 * Samples that are windows of token ids: how a point recognises them, which attacks it refuses on them (and off
 * them), and how it scores their reconstructions, with token metrics ({@link TokenScore}) where images get PSNR
 * and SSIM. Samples are token windows when the data set says so ({@link Capability#TOKEN_SAMPLES}) or when they
 * are vectors and the model optimises them relaxed, in a shape other than theirs ({@link Model#attackInputShape}).
 */
final class TokenSamples {
    private TokenSamples() {}

    /** Whether {@code data}, registered as {@code dataset}, holds token windows for {@code model}. */
    static boolean are(Component dataset, Dataset data, Model model) {
        return are(dataset, data.sampleShape(), model);
    }

    /** Whether samples of {@code shape} from {@code dataset} are token windows for {@code model}. */
    static boolean are(Component dataset, int[] shape, Model model) {
        return dataset.does(Capability.TOKEN_SAMPLES) || (shape.length == 1 && relaxed(model));
    }

    /** Whether the model takes its input relaxed (soft one-hot vectors) besides as ids. */
    static boolean relaxed(Model model) {
        return model.relaxedVocabulary() > 0;
    }

    /**
     * Refuses an attack that makes no sense on this data and model: a text attack off token windows or on a model
     * without a relaxed input, an optimisation attack on token ids the model reads as plain numbers, or a
     * total-variation image prior on token windows.
     *
     * @throws IllegalArgumentException naming the attack, the data set and what to change
     */
    static void checkAttack(Component attack, ParameterView p, Component dataset, Dataset data, Model model) {
        checkAttack(attack, p, dataset, data.sampleShape(), model);
    }

    /** As {@link #checkAttack(Component, ParameterView, Component, Dataset, Model)}, before the data is loaded. */
    static void checkAttack(Component attack, ParameterView p, Component dataset, int[] sampleShape, Model model) {
        boolean tokens = are(dataset, sampleShape, model);
        String shape = Arrays.toString(sampleShape);
        if (attack.needs(Requirement.TOKEN_DATA) && !tokens) {
            throw new IllegalArgumentException("attack " + attack.name() + " needs token samples; dataset "
                    + dataset.name() + " has samples of shape " + shape);
        }
        if (!tokens) {
            return;
        }
        boolean optimising = attack.descriptor().parameters().contains(AttackParameters.ITERATIONS);
        if ((attack.needs(Requirement.TOKEN_DATA) || optimising) && !relaxed(model)) {
            throw new IllegalArgumentException("attack " + attack.name() + " optimises a continuous input; on the "
                    + "token samples of dataset " + dataset.name() + " it needs a model with a relaxed token input "
                    + "(transformer), but model " + model.spec().family() + " reads the ids " + shape
                    + " as numbers");
        }
        if (attack.descriptor().parameters().contains(AttackParameters.TV)
                && p.doubleValue(AttackParameters.TV.name()) > 0) {
            throw new IllegalArgumentException("attack " + attack.name() + ": attack.tv "
                    + p.doubleValue(AttackParameters.TV.name()) + " is a total-variation prior on images; dataset "
                    + dataset.name() + " has token samples of shape " + shape + " (set attack.tv: 0)");
        }
    }

    /**
     * The score of a reconstruction of token windows: token accuracy, unigram F1 (ROUGE-1), ROUGE-2 and the share
     * of windows recovered exactly after matching, the share
     * of windows recovered exactly as the recovered fraction, the label multiset; PSNR, SSIM and MSE are NaN.
     * Relaxed reconstructions (DLG's soft one-hot vectors) are decoded to their best token per position first.
     */
    static VictimScore score(VictimCase c, AttackResult r, int victim, String status, int[] indices) {
        Model model = c.model();
        int positions = c.images()[0].length;
        int vocabulary =
                relaxed(model) ? model.relaxedVocabulary() : model.spec().numClasses();
        float[][] recon = r.samples();
        if (recon.length > 0 && recon[0].length == positions * vocabulary && vocabulary > 1) {
            recon = TokenScore.decodeRelaxed(recon, positions, vocabulary);
        }
        TokenScore s = TokenScore.of(c.images(), recon, vocabulary);
        double labels = r.labels() == null || r.labels().length == 0
                ? Double.NaN
                : LabelMetrics.multisetAccuracy(c.labels(), r.labels());
        return new VictimScore(
                victim,
                indices,
                status,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                labels,
                s.exactFraction(),
                r.millis(),
                s.tokenAccuracy(),
                s.tokenF1(),
                s.tokenF1(),
                s.rouge2(),
                s.exactFraction());
    }
}
