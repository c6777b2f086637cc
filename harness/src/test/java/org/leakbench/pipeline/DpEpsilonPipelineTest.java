package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.data.DirichletPartition;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * Every ε a sweep row reports, against the accountant's value for a sampling rate and a number of steps that
 * this test derives from the sweep's own parameters (not from the code that trains): DP-SGD clients under
 * FedSGD and FedAvg, Poisson and shuffled, a non-IID split (its worst client), local DP and its old name,
 * DP-FedAvg, and DP-SGD membership targets.
 */
class DpEpsilonPipelineTest {
    static final int CLIENTS = 3;
    static final int ROUNDS = 2;
    static final int LOCAL_BATCH = 32;
    static final double SIGMA = 1.0;
    static final double DELTA = 1e-5;
    static final String SWEEP = TinySweeps.header("dp-eps", "1")
            + TinySweeps.fashionGrid("""
                    fl: [fedsgd, fedavg]
                    fl.clients: [3]
                    fl.rounds: [2]
                    attack: [oracle]
                    dp.sampling: [poisson, shuffle]
                    defenses:
                      - {name: dp-sgd, param: [1.0], clip: [1.0]}
                      - {name: local-dp, param: [1.0], clip: [1.0]}
                      - {name: client-dp, param: [1.0], clip: [1.0]}
                      - {name: dp-fedavg, param: [1.0], clip: [1.0]}
                    """)
            + TinySweeps.fashionGrid("""
                    fl: [fedsgd]
                    fl.clients: [3]
                    fl.rounds: [2]
                    fl.partition: [dirichlet]
                    fl.alpha: [0.1]
                    attack: [oracle]
                    defenses: [{name: dp-sgd, param: [1.0], clip: [1.0]}]
                    """)
            + TinySweeps.fashionGrid("""
                    fl.clients: [3]
                    fl.rounds: [2]
                    attack: [oracle]
                    dp.noise: [discrete-gaussian]
                    defenses: [{name: local-dp, param: [1.0], clip: [1.0]}]
                    """)
            + TinySweeps.breastCancerGrid("""
                    dp.sampling: [poisson, shuffle]
                    defenses: [{name: dp-sgd, param: [1.5], clip: [1.0]}]
                    """);

    @TempDir
    static Path results;

    static ResultTable table;
    static DataSplit fashion;

    @BeforeAll
    static void run() throws Exception {
        TinySweeps.run(TinySweeps.parse(SWEEP, "dp-eps.yaml"), results, "a", 2);
        table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        fashion = Datasets.load("fashion-mnist-subset", DataDirectory.get());
    }

    static List<Map<String, String>> rows(String defense, String... filters) {
        List<Map<String, String>> out = new ArrayList<>();
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            boolean keep = m.get("defense").equals(defense);
            for (int i = 0; i < filters.length; i += 2) {
                keep &= m.get(filters[i]).equals(filters[i + 1]);
            }
            if (keep) {
                assertEquals("ok", m.get("status"), m.toString());
                out.add(m);
            }
        }
        assertTrue(!out.isEmpty(), "no rows for " + defense + " " + List.of(filters));
        return out;
    }

    static double eps(Map<String, String> row) {
        assertEquals(DELTA, Double.parseDouble(row.get("delta")), 0);
        return Double.parseDouble(row.get("epsilon"));
    }

    static double approx(Map<String, String> row) {
        return Double.parseDouble(row.get("epsilon_approx"));
    }

    static double accountant(double sigma, double q, long steps) {
        return RdpAccountant.epsilon(sigma, q, steps, DELTA, Conversion.IMPROVED);
    }

    /** The worst ε over clients holding the given numbers of rows, each at its own q and steps. */
    static double worst(int[] sizes, boolean fedavg) {
        double worst = 0;
        for (int n : sizes) {
            double q = Math.min(1.0, LOCAL_BATCH / (double) n);
            long perRound = fedavg ? (n + LOCAL_BATCH - 1) / LOCAL_BATCH : 1;
            worst = Math.max(worst, accountant(SIGMA, q, perRound * ROUNDS));
        }
        return worst;
    }

    static int[] iidSizes() {
        int n = fashion.train().size();
        return new int[] {n / CLIENTS, (n + CLIENTS - 1) / CLIENTS};
    }

    @Test
    void dpSgdClientsReportTheirOwnRateAndSteps() {
        for (String fl : List.of("fedsgd", "fedavg")) {
            double expected = worst(iidSizes(), "fedavg".equals(fl));
            for (Map<String, String> r : rows("dp-sgd", "attack", "oracle", "fl", fl, "fl_partition", "iid")) {
                assertEquals(expected, eps(r), 1e-9 * expected, fl + " " + r.get("dp_sampling"));
                assertEquals(
                        "shuffle".equals(r.get("dp_sampling")) ? 1 : 0,
                        approx(r),
                        "shuffled batches are only Poisson-approximate");
            }
        }
    }

    @Test
    void aNonIidRunReportsItsWorstClient() {
        // The split the run used: Dirichlet(0.1) over the labels from the point's seed.
        int[][] parts = new DirichletPartition(0.1)
                .split(
                        fashion.train().labels(),
                        fashion.train().numClasses(),
                        CLIENTS,
                        new SplittableRandom(1 ^ 0x5DEECE66DL));
        int[] sizes = new int[CLIENTS];
        for (int c = 0; c < CLIENTS; c++) {
            sizes[c] = parts[c].length;
        }
        double row = eps(rows("dp-sgd", "fl_partition", "dirichlet").get(0));
        assertEquals(worst(sizes, false), row, 1e-9 * row);
        double average = accountant(SIGMA, LOCAL_BATCH / (fashion.train().size() / (double) CLIENTS), ROUNDS);
        assertTrue(row > average * 1.01, "the worst client " + row + " spends more than the average " + average);
    }

    @Test
    void localDpIsAccountedAsLocalUnderBothNames() {
        // Replacement neighbours: sensitivity 2C, so σ/2; released every round, no amplification.
        double expected = accountant(SIGMA / 2, 1.0, ROUNDS);
        List<Map<String, String>> all = new ArrayList<>(rows("local-dp"));
        all.addAll(rows("client-dp"));
        for (Map<String, String> r : all) {
            assertEquals(expected, eps(r), 1e-9 * expected, r.get("defense") + " " + r.get("dp_noise"));
            assertEquals(0, approx(r));
        }
        assertEquals(2 * 2 * 2 + 1, all.size(), "fedsgd and fedavg, two samplings, both names; one exact-noise row");
    }

    @Test
    void dpFedAvgIsUserLevelCentralDp() {
        double expected = accountant(SIGMA, CLIENTS / (double) CLIENTS, ROUNDS);
        for (Map<String, String> r : rows("dp-fedavg")) {
            assertEquals(expected, eps(r), 1e-9 * expected);
        }
        assertNotEquals(
                eps(rows("dp-fedavg").get(0)),
                eps(rows("local-dp").get(0)),
                "central and local DP at the same sigma are different guarantees");
    }

    @Test
    void membershipTargetsAccountTheStepsTheyTrain() {
        // 30 members in batches of 8: 4 steps an epoch, 5 epochs = 20 steps at q = 8/30.
        double expected = accountant(1.5, 8 / 30.0, 5 * 4);
        for (Map<String, String> r : rows("dp-sgd", "attack", "mia-loss")) {
            assertEquals(expected, eps(r), 1e-9 * expected, r.get("dp_sampling"));
            assertEquals("shuffle".equals(r.get("dp_sampling")) ? 1 : 0, approx(r));
        }
    }
}
