package org.leakbench.attack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.leakbench.attack.analytic.AnalyticAttack;
import org.leakbench.attack.analytic.FishingAttack;
import org.leakbench.attack.analytic.MaliciousServerAttack;
import org.leakbench.attack.analytic.RobbingTheFedAttack;
import org.leakbench.attack.analytic.ServerModel;
import org.leakbench.attack.analytic.TrapWeightsAttack;
import org.leakbench.attack.inversion.DlgAttack;
import org.leakbench.attack.inversion.DlgOptions;
import org.leakbench.attack.inversion.FedAvgInversionAttack;
import org.leakbench.attack.inversion.GradInversionAttack;
import org.leakbench.attack.inversion.GradInversionOptions;
import org.leakbench.attack.inversion.InvertingGradientsAttack;
import org.leakbench.attack.inversion.InvertingGradientsOptions;
import org.leakbench.attack.inversion.LlgAttack;
import org.leakbench.attack.inversion.TagAttack;
import org.leakbench.attack.inversion.TagOptions;
import org.leakbench.attack.text.BigramPrior;
import org.leakbench.attack.text.DagerAttack;
import org.leakbench.attack.text.DagerOptions;
import org.leakbench.attack.text.LampAttack;
import org.leakbench.attack.text.LampOptions;
import org.leakbench.model.Activation;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.model.Transformer;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;

/**
 * The attacks under {@link AttackContractTest} and a victim small enough that each runs in milliseconds: two
 * random 1×6×6 images in four classes, a one-hidden-layer ReLU MLP of 16 units, one FedSGD gradient, and the
 * same batch seen through the model each malicious server's attack sends; for the text attacks, two
 * windows of four tokens over seven and the gradient of a small transformer (width 16, two blocks) on them.
 */
final class AttackContractFixture {
    static final int[] SHAPE = {1, 6, 6};
    static final int CLASSES = 4;
    /** Token windows of the text victim: context and vocabulary of the stand-in token model. */
    static final int CONTEXT = 4;

    static final int VOCABULARY = 7;
    static final int BATCH = 2;
    /** Iterations of the optimising attacks in the quick tests. */
    static final int ITERATIONS = 12;
    /**
     * Attacks whose objective is evaluated in float64: an update that overflows float32 squares stays finite
     * there, so they are held only to never reporting a non-finite result as ok.
     */
    static final Set<String> FLOAT64_OBJECTIVE = Set.of("lamp");

    private AttackContractFixture() {}

    /**
     * One attack under contract and the facts the contract depends on.
     *
     * @param randomised  whether its result depends on the seed
     * @param readsUpdate whether it reads the observed update (the baselines do not)
     * @param holdsTruth  whether it is built with the private batch (only the oracle, the metrics' ceiling)
     * @param iterative   whether it iterates (and so can be stopped halfway)
     * @param malicious   whether it needs the malicious server's imprinted model
     * @param text        whether it attacks token windows (the victim's text batch) rather than images
     */
    record Subject(
            String label,
            BiFunction<Victim, Integer, Attack> factory,
            boolean randomised,
            boolean readsUpdate,
            boolean holdsTruth,
            boolean iterative,
            boolean malicious,
            boolean text) {
        Attack build(Victim v) {
            return factory.apply(v, ITERATIONS);
        }

        Attack build(Victim v, int iterations) {
            return factory.apply(v, iterations);
        }

        Observation observation(Victim v) {
            return malicious ? v.tampered().apply((MaliciousServerAttack) build(v)) : text ? v.text() : v.honest();
        }

        /** A seeded, iterating attack that reads the honest server's update (the optimisation attacks). */
        static Subject optimising(String label, BiFunction<Victim, Integer, Attack> factory) {
            return new Subject(label, factory, true, true, false, true, false, false);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static List<Subject> subjects() {
        return List.of(
                Subject.optimising("dlg", (v, n) -> new DlgAttack(new DlgOptions(n, false, DType.F32))),
                Subject.optimising("idlg", (v, n) -> new DlgAttack(new DlgOptions(n, true, DType.F32))),
                Subject.optimising(
                        "ig",
                        (v, n) -> new InvertingGradientsAttack(
                                new InvertingGradientsOptions(n, 2, 0.1, 1e-2, DType.F32))),
                new Subject(
                        "tag",
                        (v, n) -> new TagAttack(new TagOptions(n, 0.1, 0.01, DType.F32)),
                        true,
                        true,
                        false,
                        true,
                        false,
                        true),
                new Subject(
                        "lamp",
                        (v, n) -> new LampAttack(new LampOptions(n, 0.01, 0.1, 1.0, 4, 4, 0.2, 2), publicPrior()),
                        true,
                        true,
                        false,
                        true,
                        false,
                        true),
                // DAGER is exact linear algebra: no seed, no iterations.
                new Subject(
                        "dager",
                        (v, n) -> new DagerAttack(new DagerOptions(1e-3, 1000)),
                        false,
                        true,
                        false,
                        false,
                        false,
                        true),
                // The contract's victim has no BatchNorm, so GradInversion runs without its prior (bn-stats none).
                Subject.optimising(
                        "gradinversion",
                        (v, n) -> new GradInversionAttack(new GradInversionOptions(
                                n, 2, 0.1, 1e-4, 1.0, 1e-2, GradInversionOptions.BnStats.NONE, DType.F32))),
                Subject.optimising("fedavg-inversion", (v, n) -> new FedAvgInversionAttack(n, 0.1, 1e-4, 1e-2)),
                new Subject("llg", (v, n) -> new LlgAttack(), false, true, false, false, false, false),
                new Subject("analytic", (v, n) -> new AnalyticAttack(), false, true, false, false, false, false),
                new Subject("rtf", (v, n) -> new RobbingTheFedAttack(8), false, true, false, false, true, false),
                new Subject("trap-weights", (v, n) -> new TrapWeightsAttack(0), false, true, false, false, true, false),
                new Subject("fishing", (v, n) -> new FishingAttack(0), false, true, false, false, true, false),
                new Subject("random", (v, n) -> new RandomAttack(), true, false, false, false, false, false),
                new Subject(
                        "oracle",
                        (v, n) -> new OracleAttack(v.images(), v.labels()),
                        false,
                        false,
                        true,
                        false,
                        false,
                        false));
    }

    /**
     * The private batch and what the server sees of it, honest and through the model a malicious server's attack
     * sends; and a private batch of token windows of the same size with the honest gradient of a stand-in token
     * model on it.
     */
    record Victim(
            float[][] images,
            int[] labels,
            Observation honest,
            Function<MaliciousServerAttack, Observation> tampered,
            float[][] windows,
            int[] nextTokens,
            Observation text) {}

    /** LAMP's language prior, fitted on public windows drawn apart from any victim's (it must hold no truth). */
    static BigramPrior publicPrior() {
        SplittableRandom rng = new SplittableRandom(99);
        float[][] windows = new float[16][CONTEXT];
        int[] next = new int[windows.length];
        for (int i = 0; i < windows.length; i++) {
            for (int t = 0; t < CONTEXT; t++) {
                windows[i][t] = rng.nextInt(VOCABULARY);
            }
            next[i] = rng.nextInt(VOCABULARY);
        }
        return BigramPrior.fit(VOCABULARY, windows, next);
    }

    /** A fresh victim (its arrays are its own, so a test may poison them). */
    static Victim victim(long seed) {
        Backend be = Backends.get("ejml");
        SplittableRandom rng = new SplittableRandom(seed);
        int d = SHAPE[0] * SHAPE[1] * SHAPE[2];
        float[][] images = new float[BATCH][d];
        int[] labels = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            for (int j = 0; j < d; j++) {
                images[i][j] = (float) rng.nextDouble();
            }
            labels[i] = i % CLASSES;
        }
        Model model = Models.build(ModelSpec.mlp(SHAPE, CLASSES, 1.0 / 16, 1, Activation.RELU));
        List<Tensor> params = model.initialParameters(be, DType.F32, rng.split());
        Tensor x = Sgd.batch(be, DType.F32, images, new int[] {0, 1}, SHAPE);
        Observation honest = Observation.gradient(
                model, params, Gradients.of(model, params, x, labels).gradient(), BATCH);

        float[][] publicData = new float[64][d];
        for (float[] row : publicData) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) rng.nextDouble();
            }
        }
        long serverSeed = rng.split().nextLong();
        Function<MaliciousServerAttack, Observation> tampered = attack -> {
            ServerModel sent = attack.modelToSend(model, params, publicData, BATCH, new SplittableRandom(serverSeed));
            return Observation.gradient(
                    sent.model(),
                    sent.params(),
                    Gradients.of(sent.model(), sent.params(), x, labels).gradient(),
                    BATCH);
        };
        Transformer textModel = new Transformer(new ModelSpec(
                ModelSpec.TRANSFORMER,
                new int[] {CONTEXT},
                VOCABULARY,
                16,
                2,
                Activation.SIGMOID,
                Map.of(ModelSpec.HEADS, "2")));
        float[][] windows = new float[BATCH][CONTEXT];
        int[] nextTokens = new int[BATCH];
        for (int i = 0; i < BATCH; i++) {
            for (int t = 0; t < CONTEXT; t++) {
                windows[i][t] = rng.nextInt(VOCABULARY);
            }
            nextTokens[i] = rng.nextInt(VOCABULARY);
        }
        List<Tensor> textParams = textModel.initialParameters(be, DType.F32, rng.split());
        Tensor ids = Sgd.batch(
                be, DType.F32, windows, new int[] {0, 1}, textModel.spec().inputShape());
        Observation text = Observation.gradient(
                textModel,
                textParams,
                Gradients.of(textModel, textParams, ids, nextTokens).gradient(),
                BATCH);
        return new Victim(images, labels, honest, tampered, windows, nextTokens, text);
    }

    /** The observation with every update tensor's values passed through {@code change}. */
    static Observation withUpdate(Observation o, UnaryOperator<double[]> change) {
        List<Tensor> update = new ArrayList<>();
        for (Tensor t : o.update()) {
            update.add(t.backend().fromArray(change.apply(t.toDoubleArray()), t.dtype(), t.shape()));
        }
        return new Observation(
                o.model(), o.parameters(), update, o.kind(), o.batchSize(), o.localSteps(), o.learningRate());
    }
}
