package org.leakbench.pipeline;

import java.util.SplittableRandom;
import org.leakbench.component.Capability;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DirichletPartition;
import org.leakbench.data.IidPartition;
import org.leakbench.data.Partitioner;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.client.BatchDefenseComponent;
import org.leakbench.defense.client.BatchDefenseTraining;
import org.leakbench.defense.ddp.DdpOptions;
import org.leakbench.defense.dp.AdaptiveClipOptions;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.DpDefenses;
import org.leakbench.defense.dp.DpSampling;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdTraining;
import org.leakbench.defense.dp.NormHistogram;
import org.leakbench.fl.Aggregator;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.DistributedDpAggregator;
import org.leakbench.fl.DpFedAvgAggregator;
import org.leakbench.fl.FederatedTraining;
import org.leakbench.fl.FlData;
import org.leakbench.fl.FlOptions;
import org.leakbench.fl.MeanAggregator;
import org.leakbench.fl.TrainingHistory;
import org.leakbench.model.Model;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * The utility side of a point: federated training of the same model with the same defense on every
 * client's update, over {@code fl.rounds} rounds, scored by test accuracy. The attack observes the first
 * round; utility is what the defense leaves of the trained model. The options, partition and DP settings are
 * built here once, for the training and for {@link PrivacyAccounting}, so the ε reported is that of the run.
 */
public final class UtilityRunner {
    private UtilityRunner() {}

    public static TrainingHistory train(
            SweepPoint p, DataSplit data, Model model, Backend be, UpdateDefense defense, long seed) {
        return train(p, data, model, be, defense, seed, null);
    }

    /**
     * As {@link #train(SweepPoint, DataSplit, Model, Backend, UpdateDefense, long)}, the global model starting from
     * {@code initial} ({@code model.init}) instead of the seeded initialisation when it is not null.
     */
    public static TrainingHistory train(
            SweepPoint p,
            DataSplit data,
            Model model,
            Backend be,
            UpdateDefense defense,
            long seed,
            java.util.List<org.leakbench.tensor.Tensor> initial) {
        return trainMeasured(p, data, model, be, defense, seed, initial).history();
    }

    /** A training and what its clipping saw ({@link ClipReport#NONE} for a defense that does not clip). */
    record Trained(TrainingHistory history, ClipReport clip) {}

    /** As {@link #train(SweepPoint, DataSplit, Model, Backend, UpdateDefense, long, java.util.List)}, measured. */
    static Trained trainMeasured(
            SweepPoint p,
            DataSplit data,
            Model model,
            Backend be,
            UpdateDefense defense,
            long seed,
            java.util.List<org.leakbench.tensor.Tensor> initial) {
        FlOptions options = flOptions(p);
        FlData fl = new FlData(
                data.train().samples(),
                data.train().labels(),
                partition(p, data, seed),
                data.test().samples(),
                data.test().labels());
        DefenseComponent chosen = ChosenComponents.defense(p);
        NormHistogram norms = new NormHistogram();
        Aggregator aggregator = aggregator(p, chosen, options, norms);
        // Only the final accuracy goes into the row: evaluate once, after the last round.
        FederatedTraining training = new FederatedTraining(model, be, DType.F32, options, fl, defense, aggregator)
                .evaluatingEvery(options.rounds());
        boolean dpSgd = chosen.does(Capability.CLIPS_PER_EXAMPLE_IN_CLIENT);
        if (dpSgd) {
            training = training.withLocalTraining(new DpSgdTraining(dpSgd(p), norms));
        }
        if (chosen instanceof BatchDefenseComponent batchDefense) {
            training = training.withLocalTraining(new BatchDefenseTraining(batchDefense.batchDefense(p)));
        }
        TrainingHistory history = initial == null
                ? training.run(seed)
                : training.run(seed, initial, new org.leakbench.fl.HonestButCuriousServer(), r -> {});
        ClipReport clip = ClipReport.NONE;
        if (aggregator instanceof DpFedAvgAggregator dp) {
            double[] used = dp.clipTrajectory();
            clip = used.length == 0
                    ? ClipReport.of(
                            norms,
                            new double[] {clientDp(p).clipNorm()},
                            clientDp(p).clipNorm())
                    : ClipReport.of(norms, used, dp.clipNorm());
        } else if (dpSgd) {
            double c = dpSgd(p).clipNorm();
            clip = ClipReport.of(norms, new double[] {c}, c);
        }
        return new Trained(history, clip);
    }

    /**
     * The server's aggregation under the point's defense: DP-FedAvg's (recording the client norms into
     * {@code norms}), distributed DP's, or the plain mean.
     */
    static Aggregator aggregator(SweepPoint p, DefenseComponent chosen, FlOptions options, NormHistogram norms) {
        if (chosen.does(Capability.DISTRIBUTED_DP)) {
            return new DistributedDpAggregator(ddp(p));
        }
        return chosen.does(Capability.NOISES_AT_SERVER)
                ? new DpFedAvgAggregator(
                        clientDp(p), options.clientsPerRound(), p.string("dp.noise"), adaptiveClip(p), norms)
                : new MeanAggregator();
    }

    /**
     * Refuses, before anything runs, a dp-fedavg point whose adaptive clipping cannot fit the count's noise into
     * its σ (2σ_b ≤ σ), naming {@code dp.count-noise}.
     */
    static void checkAdaptiveClip(SweepPoint p) {
        AdaptiveClipOptions adaptive = adaptiveClip(p);
        if (adaptive != null && ChosenComponents.defense(p).does(Capability.NOISES_AT_SERVER)) {
            adaptive.updateNoiseMultiplier(
                    clientDp(p).noiseMultiplier(), flOptions(p).clientsPerRound());
        }
    }

    /** dp-fedavg's adaptive clipping settings, or null when the point clips at the fixed {@code dp.clip}. */
    static AdaptiveClipOptions adaptiveClip(SweepPoint p) {
        if (!p.params().containsKey(DpDefenses.CLIPPING.name())
                || !"adaptive".equals(p.string(DpDefenses.CLIPPING.name()))) {
            return null;
        }
        return new AdaptiveClipOptions(
                p.doubleValue(DpDefenses.CLIP_QUANTILE.name()),
                p.doubleValue(DpDefenses.CLIP_LR.name()),
                p.doubleValue(DpDefenses.COUNT_NOISE.name()));
    }

    /**
     * {@code ddp-secagg}'s settings of a point: ε (the main parameter) at the rows' δ over every round, every
     * client taking part in each.
     */
    static DdpOptions ddp(SweepPoint p) {
        return new DdpOptions(
                p.doubleValue("defense.param"),
                PointPipeline.DELTA,
                flOptions(p).rounds(),
                p.doubleValue("defense.clip"),
                p.intValue("ddp.bits"),
                p.doubleValue("ddp.gamma"),
                p.doubleValue("ddp.beta"),
                p.doubleValue("ddp.k"),
                p.string("dp.noise"));
    }

    /**
     * Every client takes part in every round; one local epoch for FedAvg. {@code fl.rounds: 0} (no utility
     * training) still releases the attacked update, so privacy accounting counts it as one round.
     */
    static FlOptions flOptions(SweepPoint p) {
        int clients = p.intValue("fl.clients");
        Algorithm algorithm = "fedavg".equals(p.string("fl")) ? Algorithm.FEDAVG : Algorithm.FEDSGD;
        return new FlOptions(
                algorithm,
                clients,
                clients,
                Math.max(1, p.intValue("fl.rounds")),
                1,
                p.intValue("fl.local-batch"),
                p.doubleValue("fl.lr"),
                1.0,
                1);
    }

    /** The clients' rows: IID, or Dirichlet(fl.alpha) over the labels, drawn from the point's seed. */
    static int[][] partition(SweepPoint p, DataSplit data, long seed) {
        Partitioner partitioner = "dirichlet".equals(p.string("fl.partition"))
                ? new DirichletPartition(p.doubleValue("fl.alpha"))
                : new IidPartition();
        return partitioner.split(
                data.train().labels(),
                data.train().numClasses(),
                p.intValue("fl.clients"),
                new SplittableRandom(seed ^ 0x5DEECE66DL));
    }

    /** DP-SGD's settings of a point: clip, σ, sampling and noise source. */
    static DpSgdOptions dpSgd(SweepPoint p) {
        return new DpSgdOptions(
                p.doubleValue("defense.clip"),
                p.doubleValue("defense.param"),
                DpSampling.parse(p.string("dp.sampling")),
                p.string("dp.noise"));
    }

    /** Client-level DP's settings of a point (local-dp, dp-fedavg): clip and σ. */
    static ClientDpOptions clientDp(SweepPoint p) {
        return new ClientDpOptions(p.doubleValue("defense.clip"), p.doubleValue("defense.param"));
    }
}
