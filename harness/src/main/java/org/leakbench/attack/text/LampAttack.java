package org.leakbench.attack.text;

import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.inversion.LabelRecovery;
import org.leakbench.model.Transformer;
import org.leakbench.optim.Adam;
import org.leakbench.optim.AdamOptions;
import org.leakbench.optim.Objective;
import org.leakbench.optim.OptimResult;
import org.leakbench.update.Observation;

/**
 * LAMP, text from gradients with a language-model prior (Balunović, Dimitrov, Jovanović, Vechev, LAMP:
 * Extracting Text from Gradients with Language Model Priors, NeurIPS 2022). The start is the best, by gradient
 * distance, of {@link LampOptions#inits()} random draws of the embeddings. Continuous steps: Adam on the token
 * embeddings [b, n, d] (in units of the embedding table's standard deviation) against {@link EmbeddingMatching}
 * (LAMP_cos, a per-tensor cosine with an optional L2 term, or LAMP_{L2+L1}; without the token-embedding table;
 * embedding-norm regulariser). After the first {@link LampOptions#discreteFrom()} of the iterations, every
 * {@link LampOptions#discreteEvery()} steps a discrete step: for each window in turn, random reorderings of its
 * positions ({@link Reorderings}) are scored by the gradient distance of the reordered embeddings plus λ times
 * the prior's mean negative log-likelihood of the tokens they round to, and the best (the current order
 * included) is kept. The paper's schedule (its code's defaults) is a discrete step every 75 steps after a burn-in
 * of 10 % of them, with 200 candidate orders per sentence, the current one among them. Rounding goes to the token whose embedding is closest in cosine among
 * those whose row of the observed token-embedding gradient is not zero, the batch's bag of words. The prior is a
 * {@link BigramPrior} fitted on public text, standing in for the paper's GPT-2. Labels are read off the output
 * bias as for TAG.
 */
public final class LampAttack implements Attack {
    private final LampOptions options;
    private final Supplier<BigramPrior> priorSource;
    private BigramPrior prior;

    public LampAttack(LampOptions options, BigramPrior prior) {
        this(options, () -> prior);
    }

    /**
     * LAMP whose prior is fitted when the attack first runs: fitting reads the point's training text, which a
     * point that is only being set up (or one whose data set holds no text) must not need.
     */
    public LampAttack(LampOptions options, Supplier<BigramPrior> priorSource) {
        this.options = options;
        this.priorSource = priorSource;
    }

    @Override
    public String name() {
        return "lamp";
    }

    @Override
    public AttackResult run(Observation obs, AttackContext ctx) {
        long start = System.nanoTime();
        if (!(obs.model() instanceof Transformer model)) {
            return AttackResult.failed(
                    "lamp optimises a transformer's token embeddings; model "
                            + obs.model().spec().family() + " has none",
                    millis(start));
        }
        if (prior == null) {
            try {
                prior = priorSource.get();
            } catch (IllegalArgumentException e) {
                return AttackResult.failed("lamp's language prior: " + e.getMessage(), millis(start));
            }
        }
        if (prior.vocabulary() != model.spec().numClasses()) {
            return AttackResult.failed(
                    "lamp's prior has " + prior.vocabulary() + " tokens, the model "
                            + model.spec().numClasses(),
                    millis(start));
        }
        if (!obs.finiteUpdate()) {
            return AttackResult.empty(AttackResult.DIVERGED, 0, millis(start));
        }
        int[] labels = LabelRecovery.batchLabels(obs.gradientSignal(), obs.batchSize());
        EmbeddingMatching objective = new EmbeddingMatching(
                obs, model, labels, options.loss(), options.l2Weight(), options.l1Weight(), options.normWeight());
        TokenRounding rounding = new TokenRounding(objective.tokenEmbeddings(), objective.occurringTokens());
        SplittableRandom rng = ctx.rng();
        double[] z = new double[objective.dimension()];
        // Adam runs in units of the embedding table's standard deviation, so attack.lr does not depend on the
        // scale the model was initialised or trained at.
        double std = rounding.entryStd() > 0 ? rounding.entryStd() : 1;
        Objective scaled = (u, gradient) -> {
            double[] e = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                e[i] = u[i] * std;
            }
            double v = objective.evaluate(e, gradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] *= std;
            }
            return v;
        };
        double startDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < options.inits(); k++) {
            double[] candidate = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                candidate[i] = std * rng.nextGaussian();
            }
            double distance = objective.distance(candidate);
            if (distance < startDistance) {
                startDistance = distance;
                z = candidate;
            }
        }
        int done = 0;
        double value = Double.NaN;
        while (done < options.iterations()) {
            int steps = Math.min(options.discreteEvery(), options.iterations() - done);
            AdamOptions adam = new AdamOptions(steps, options.learningRate(), false, false, 0, 0, 1);
            double[] u = new double[z.length];
            for (int i = 0; i < z.length; i++) {
                u[i] = z[i] / std;
            }
            OptimResult r = new Adam(adam).minimize(scaled, u, ctx::stopRequested);
            done += r.iterations();
            if (r.status() == OptimResult.Status.CANCELLED) {
                return AttackResult.empty(ctx.stopStatus(), done, millis(start));
            }
            if (r.diverged() || !Double.isFinite(r.value())) {
                return AttackResult.empty(AttackResult.DIVERGED, done, millis(start));
            }
            for (int i = 0; i < z.length; i++) {
                z[i] = r.x()[i] * std;
            }
            value = r.value();
            if (options.discreteStepAfter(done)) {
                z = discreteStep(objective, rounding, z, rng);
            }
        }
        int[] shape = objective.shape();
        float[][] samples = new float[shape[0]][];
        for (int b = 0; b < shape[0]; b++) {
            int[] ids = rounding.window(z, b, shape[1]);
            samples[b] = new float[ids.length];
            for (int t = 0; t < ids.length; t++) {
                samples[b][t] = ids[t];
            }
        }
        return new AttackResult(samples, labels, AttackResult.OK, done, value, millis(start));
    }

    /** Per window, the best of the current order and {@link LampOptions#proposals()} random reorderings. */
    private double[] discreteStep(
            EmbeddingMatching objective, TokenRounding rounding, double[] z, SplittableRandom rng) {
        int[] shape = objective.shape();
        int n = shape[1];
        int d = shape[2];
        double[] best = z.clone();
        for (int b = 0; b < shape[0]; b++) {
            double bestScore = score(objective, rounding, best, b);
            double[] current = best.clone();
            for (int c = 0; c < options.proposals(); c++) {
                int[] perm = Reorderings.random(n, rng);
                double[] candidate = current.clone();
                for (int t = 0; t < n; t++) {
                    System.arraycopy(current, (b * n + perm[t]) * d, candidate, (b * n + t) * d, d);
                }
                double s = score(objective, rounding, candidate, b);
                if (s < bestScore) {
                    bestScore = s;
                    best = candidate;
                }
            }
        }
        return best;
    }

    private double score(EmbeddingMatching objective, TokenRounding rounding, double[] z, int window) {
        double lm = prior.meanNll(rounding.window(z, window, objective.shape()[1]));
        return objective.distance(z) + options.priorWeight() * lm;
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
