package org.leakbench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.leakbench.component.Capability;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.ddp.DdgAccountant;
import org.leakbench.defense.ddp.DdgParameters;
import org.leakbench.defense.dp.Accountants;
import org.leakbench.defense.dp.ClientLevelDp;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.DpSgdSchedule;
import org.leakbench.defense.dp.DpSgdTraining;
import org.leakbench.defense.dp.LocalDp;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.FlOptions;
import org.leakbench.results.Metric;
import org.leakbench.sweep.SweepPoint;

/**
 * The (ε, δ) a row of the federated training reports, per DP defense, from the settings the training itself
 * uses ({@link UtilityRunner}):
 * <ul>
 *   <li>{@code dp-sgd}: example-level DP of each client's local DP-SGD (its own q = batch / its rows and its own
 *       steps over all rounds, {@link #roundSchedule}); the row reports the worst client's ε, which is
 *       what a non-IID partition's smallest client gets, not the average client's</li>
 *   <li>{@code local-dp} (and its old name {@code client-dp}): {@link LocalDp#epsilon}, σ/2 over the rounds a
 *       client takes part in, no amplification</li>
 *   <li>{@code dp-fedavg}: {@link ClientLevelDp#epsilon}, user-level, q = clients per round / population</li>
 *   <li>{@code ddp-secagg}: {@link DdgAccountant#epsilon} of the calibrated per-round parameters (user-level,
 *       every client in every round), rounding and the sum of discrete Gaussians included</li>
 * </ul>
 * {@code epsilon_approx} is 1 when ε is only the Poisson approximation of what ran (shuffled batches, or a
 * fixed number of clients per round below the population). {@code dp.accountant} picks the accountant
 * ({@link Accountants}); {@code rdp}, the default, runs the same code as before it existed, so old results keep
 * their numbers.
 */
final class PrivacyAccounting {
    /** What the accountant was given: the worst case's rate and steps, and the resulting ε. */
    record Budget(double epsilon, double sampleRate, long steps, boolean poissonApproximate) {}

    private PrivacyAccounting() {}

    /** The budget of the point's federated training, or null when its defense gives no DP guarantee. */
    static Budget of(SweepPoint p, DataSplit data, long seed, double delta) {
        return of(p, data, seed, delta, 0);
    }

    /** As {@link #of(SweepPoint, DataSplit, long, double)}; {@code ddp-secagg} needs the update's length. */
    static Budget of(SweepPoint p, DataSplit data, long seed, double delta, int updateLength) {
        DefenseComponent d = ChosenComponents.defense(p);
        double sigma = p.doubleValue("defense.param");
        FlOptions options = UtilityRunner.flOptions(p);
        // Every client is in every round; a client sampled in k of them would compose k rounds instead.
        long rounds = (long) options.rounds() * options.clientsPerRound() / options.clients();
        if (d.does(Capability.DISTRIBUTED_DP)) {
            if (updateLength < 1) {
                throw new IllegalStateException("ddp-secagg accounting needs the update's length");
            }
            DdgParameters ddg = UtilityRunner.ddp(p).parameters(options.clientsPerRound(), updateLength);
            double q = options.clientsPerRound() / (double) options.clients();
            return new Budget(DdgAccountant.epsilon(ddg, q, options.rounds(), delta), q, options.rounds(), false);
        }
        if (d.does(Capability.EXAMPLE_LEVEL_DP)) {
            return worstClient(p, data, seed, sigma, delta, options);
        }
        if (d.does(Capability.LOCAL_DP)) {
            double eps = isRdp(p)
                    ? LocalDp.epsilon(sigma, rounds, delta)
                    : epsilon(p, sigma / 2, 1.0, rounds, delta); // sensitivity 2C: σ/2, as LocalDp does
            return new Budget(eps, 1.0, rounds, false);
        }
        if (d.does(Capability.CLIENT_LEVEL_DP)) {
            double q = options.clientsPerRound() / (double) options.clients();
            double eps = isRdp(p)
                    ? ClientLevelDp.epsilon(sigma, q, options.rounds(), delta)
                    : epsilon(p, sigma, q, options.rounds(), delta);
            return new Budget(eps, q, options.rounds(), q < 1);
        }
        return null;
    }

    private static Budget worstClient(
            SweepPoint p, DataSplit data, long seed, double sigma, double delta, FlOptions options) {
        DpSgdTraining dp = new DpSgdTraining(UtilityRunner.dpSgd(p));
        int[][] partition = UtilityRunner.partition(p, data, seed);
        Budget worst = null;
        boolean approximate = false;
        for (int c = 0; c < partition.length; c++) {
            DpSgdSchedule round = roundSchedule(partition[c].length, options, dp);
            long steps = round.steps() * options.rounds();
            double eps = epsilon(p, sigma, round.sampleRate(), steps, delta);
            approximate |= round.poissonApproximate();
            if (worst == null || eps > worst.epsilon()) {
                worst = new Budget(eps, round.sampleRate(), steps, false);
            }
        }
        return new Budget(worst.epsilon(), worst.sampleRate(), worst.steps(), approximate);
    }

    /** The name of the point's accountant: its {@code dp.accountant}, or rdp where the defense has none. */
    static String accountant(SweepPoint p) {
        return p.params().containsKey("dp.accountant") ? p.string("dp.accountant") : "rdp";
    }

    private static boolean isRdp(SweepPoint p) {
        return accountant(p).equals("rdp");
    }

    /**
     * ε of {@code steps} steps of the subsampled Gaussian with σ and q by the point's accountant: RDP exactly as
     * before (improved conversion, default orders); 0 for no steps and ∞ for no noise, whatever the accountant.
     */
    static double epsilon(SweepPoint p, double sigma, double q, long steps, double delta) {
        String name = accountant(p);
        if (name.equals("rdp")) {
            return RdpAccountant.epsilon(sigma, q, steps, delta, Conversion.IMPROVED);
        }
        if (steps == 0) {
            return 0.0;
        }
        if (sigma == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Accountants.named(name).epsilon(sigma, q, steps, delta).epsilon();
    }

    /**
     * The DP-SGD batches of one round of a client with {@code rows} rows, as its local training draws them:
     * FedSGD one step at the rate of a {@code localBatch} batch, FedAvg {@code localEpochs} epochs.
     */
    static DpSgdSchedule roundSchedule(int rows, FlOptions options, DpSgdTraining dp) {
        return options.algorithm() == Algorithm.FEDSGD
                ? dp.gradientSchedule(rows, options.localBatch())
                : dp.epochSchedule(rows, options.localBatch(), options.localEpochs());
    }

    private static double sigmaOf(SweepPoint p) {
        return p.doubleValue("defense.param");
    }

    /** Puts epsilon, delta and epsilon_approx into the row, and the ε-versus-σ table into the run folder. */
    static void report(Map<String, Object> m, SweepPoint p, DataSplit data, long seed, double delta, Path runFolder)
            throws IOException {
        Object params = m.get(Metric.PARAMS.column());
        Budget b = of(p, data, seed, delta, params instanceof Number n ? n.intValue() : 0);
        if (b == null) {
            return;
        }
        m.put(Metric.EPSILON.column(), b.epsilon());
        m.put(Metric.DELTA.column(), delta);
        m.put(Metric.EPSILON_APPROX.column(), b.poissonApproximate() ? 1.0 : 0.0);
        DefenseComponent d = ChosenComponents.defense(p);
        if (!d.does(Capability.LOCAL_DP) && !d.does(Capability.DISTRIBUTED_DP)) {
            // The table's σ is the accountant's; local DP's is σ/2 and distributed DP's has its own terms, so their
            // rows would mislabel the axis.
            EpsilonTable.ensure(runFolder, b.sampleRate(), b.steps(), delta, accountant(p));
            EpsilonStepsTable.ensure(runFolder, sigmaOf(p), b.sampleRate(), b.steps(), delta);
        }
    }
}
