package org.leakbench.experiment;

import java.util.Arrays;
import java.util.List;
import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackContext;
import org.leakbench.attack.AttackResult;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdTraining;
import org.leakbench.fl.Aggregator;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.CuriousClient;
import org.leakbench.fl.FederatedTraining;
import org.leakbench.fl.FlData;
import org.leakbench.fl.FlOptions;
import org.leakbench.metric.ImageMetrics;
import org.leakbench.metric.ReconstructionScore;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Observation;
import org.leakbench.update.ObservedRound;

/**
 * A curious participant attacks the others: one FedSGD round with {@code others + 1} clients, each holding
 * {@code rowsPerClient} rows and sending the gradient of all of them. Client 0 is curious: it subtracts the
 * global model after the round from the one before, removes its own gradient, and so holds the sum of the
 * others' gradients ({@link CuriousClient}). Dividing by the number of others gives the mean gradient of
 * a batch of others × rowsPerClient samples, which it inverts with an ordinary attack. The public server
 * step and the participant count are all it needs, so secure aggregation does not stop it; what protects
 * the others is that their samples are mixed into one batch, growing with the number of clients.
 */
public final class CuriousClientExperiment {
    /** The curious participant's id. */
    public static final int CURIOUS = 0;
    /** PSNR above which a reconstruction counts as a recovered sample (as in the sweep pipeline). */
    public static final double RECOVERED_PSNR = 30.0;

    private final Model model;
    private final Backend backend;
    private final float[][] samples;
    private final int[] labels;

    /** @param samples rows (flattened) the clients' data is dealt from, in order; labels alongside */
    public CuriousClientExperiment(Model model, Backend backend, float[][] samples, int[] labels) {
        if (model == null || backend == null || samples == null || labels == null || samples.length != labels.length) {
            throw new IllegalArgumentException(
                    "curious client experiment: need a model, a backend and one label per" + " sample");
        }
        this.model = model;
        this.backend = backend;
        this.samples = samples;
        this.labels = labels;
    }

    /**
     * What the curious client recovered of the others' rows.
     *
     * @param others  participants other than the curious one
     * @param batch   samples behind the others' aggregate
     * @param status  the attack's status
     * @param score   the reconstruction matched to the others' true rows (null unless the attack finished)
     */
    public record Outcome(int others, int batch, String status, ReconstructionScore score) {}

    /**
     * One round with {@code others} other clients; client c holds rows [first + c·rowsPerClient, +rowsPerClient).
     */
    public Outcome run(int others, int rowsPerClient, int first, Attack attack, long seed) {
        return run(others, rowsPerClient, first, attack, UpdateDefense.none(), null, seed);
    }

    /** The rows the other participants hold in {@link #run}: what a reconstruction is scored against. */
    public static int[] othersRows(int others, int rowsPerClient, int first) {
        int[] rows = new int[others * rowsPerClient];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = first + rowsPerClient + i;
        }
        return rows;
    }

    /**
     * Like {@link #run(int, int, int, Attack, long)} with every client applying {@code defense} to its update,
     * and computing it by DP-SGD when {@code dpSgd} is not null.
     */
    public Outcome run(
            int others,
            int rowsPerClient,
            int first,
            Attack attack,
            UpdateDefense defense,
            DpSgdOptions dpSgd,
            long seed) {
        return run(others, rowsPerClient, first, attack, defense, dpSgd, null, seed);
    }

    /**
     * Like {@link #run(int, int, int, Attack, UpdateDefense, DpSgdOptions, long)} with the server aggregating by
     * {@code aggregator} (null: the plain mean), e.g. distributed DP, whose noise is in the sum the curious client
     * takes apart.
     */
    public Outcome run(
            int others,
            int rowsPerClient,
            int first,
            Attack attack,
            UpdateDefense defense,
            DpSgdOptions dpSgd,
            Aggregator aggregator,
            long seed) {
        int clients = others + 1;
        if (others < 1 || rowsPerClient < 1 || first < 0 || first + clients * rowsPerClient > samples.length) {
            throw new IllegalArgumentException("curious client experiment: " + others + " other clients of "
                    + rowsPerClient + " rows from row " + first + " need more than the " + samples.length
                    + " rows given");
        }
        int[][] partition = new int[clients][rowsPerClient];
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < rowsPerClient; i++) {
                partition[c][i] = first + c * rowsPerClient + i;
            }
        }
        FlData data = new FlData(samples, labels, partition, new float[0][], new int[0]);
        FlOptions options = new FlOptions(Algorithm.FEDSGD, clients, clients, 1, 1, rowsPerClient, 0.1, 1.0, 1);
        FederatedTraining training = new FederatedTraining(
                model, backend, DType.F32, options, data, defense == null ? UpdateDefense.none() : defense, aggregator);
        if (dpSgd != null) {
            training = training.withLocalTraining(new DpSgdTraining(dpSgd));
        }
        ObservedRound seen = training.observe(seed, 0, CURIOUS, new CuriousClient());
        int batch = others * rowsPerClient;
        List<Tensor> mean = seen.observedUpdate().scaled(1.0 / others).toTensors(backend, DType.F32);
        Observation obs = Observation.gradient(seen.model(), seen.globalParams(), mean, batch);
        AttackResult r = attack.run(obs, AttackContext.seeded(seed));
        if (!r.ok() || r.samples() == null) {
            return new Outcome(others, batch, r.status(), null);
        }
        if (!r.finiteSamples()) { // clamping would turn infinities into a white or black image: not a result
            return new Outcome(others, batch, AttackResult.DIVERGED, null);
        }
        float[][] truth = new float[batch][];
        int[] truthLabels = new int[batch];
        int k = 0;
        for (int c = 1; c < clients; c++) {
            for (int row : partition[c]) {
                truth[k] = samples[row];
                truthLabels[k++] = labels[row];
            }
        }
        int[] shape = imageShape(model.spec().inputShape());
        ReconstructionScore s = ReconstructionScore.of(
                truth,
                truthLabels,
                ImageMetrics.clampToUnitRange(r.samples()),
                r.labels(),
                shape[0],
                shape[1],
                shape[2],
                1.0,
                RECOVERED_PSNR);
        return new Outcome(others, batch, r.status(), s);
    }

    /** (channels, height, width) of an image input; a flat input is scored as a 1-pixel-high image. */
    static int[] imageShape(int[] inputShape) {
        return inputShape.length == 3
                ? inputShape.clone()
                : new int[] {1, 1, Arrays.stream(inputShape).reduce(1, (a, b) -> a * b)};
    }
}
