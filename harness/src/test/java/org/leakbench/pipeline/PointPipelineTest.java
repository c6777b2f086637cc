package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultColumns;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/**
 * A tiny sweep end to end through the real pipeline (data, model, update, defense, observation, attack,
 * metrics, utility, cost): the baselines bracket the metrics, the analytic attack is exact without a defense
 * and is hurt by noise and by secure aggregation, and the same sweep gives the same CSV twice.
 */
class PointPipelineTest {
    static final String SWEEP = TinySweeps.header("tiny", "1")
            + TinySweeps.fashionGrid("""
                    fl.clients: [3]
                    fl.rounds: [2]
                    attacks:
                      - oracle
                      - random
                      - analytic
                      - {name: dlg, iterations: [20]}
                    defenses:
                      - none
                      - {name: noise, param: [0.01]}
                      - {name: prune, param: [0.9]}
                      - {name: topk, param: [0.1]}
                      - {name: dp-sgd, param: [1.0], clip: [1.0]}
                      - secagg
                    """)
            + TinySweeps.fashionGrid("""
                    fl: [fedavg]
                    fl.local-steps: [3]
                    fl.clients: [3]
                    fl.rounds: [2]
                    attacks: [analytic, {name: dlg, iterations: [20]}]
                    defense: [none]
                    """)
            + TinySweeps.fashionGrid("""
                    threat: [curious-client]
                    fl.clients: [2, 4]
                    fl.rounds: [2]
                    attacks: [analytic, oracle]
                    defense: [none]
                    """);

    @TempDir
    static Path results;

    static ResultTable table;

    @BeforeAll
    static void runTwice() throws IOException {
        table = run("a");
    }

    static ResultTable run(String runId) throws IOException {
        TinySweeps.run(TinySweeps.parse(SWEEP, "tiny.yaml"), results, runId, 2);
        return TinySweeps.read(results, runId, RunLayout.RESULTS);
    }

    static Map<String, String> row(String attack, String defense) {
        return row(attack, defense, "fedsgd");
    }

    static Map<String, String> row(String attack, String defense, String fl) {
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            if (m.get("attack").equals(attack)
                    && m.get("defense").equals(defense)
                    && m.get("fl").equals(fl)
                    && m.get("threat").equals("server")) {
                return m;
            }
        }
        throw new AssertionError("no row for " + attack + " / " + defense);
    }

    static double value(String attack, String defense, String metric) {
        return Double.parseDouble(row(attack, defense).get(metric));
    }

    @Test
    void everyPointRunsAndTheBaselinesBracketTheMetrics() {
        assertEquals(30, table.rows().size());
        for (List<String> r : table.rows()) {
            assertEquals("ok", table.asMap(r).get("status"), table.asMap(r).toString());
        }
        for (String d : List.of("none", "noise", "prune", "topk", "secagg", "dp-sgd")) {
            assertEquals(100.0, value("oracle", d, "psnr"), 1e-9, "oracle under " + d);
            assertEquals(1.0, value("oracle", d, "label_acc"), 1e-9);
            assertTrue(value("random", d, "psnr") < 15, "random under " + d);
            double acc = value("oracle", d, "accuracy");
            assertTrue(acc >= 0 && acc <= 1, "accuracy " + acc);
        }
    }

    @Test
    void analyticRecoveryIsExactWithoutDefenseAndHurtByNoiseAndSecureAggregation() {
        double clean = value("analytic", "none", "psnr");
        assertTrue(clean > 60, "analytic without defense " + clean);
        assertTrue(value("analytic", "noise", "psnr") < clean - 10, "noise should hurt the analytic attack");
        assertTrue(
                value("analytic", "secagg", "psnr") < 30,
                "under secure aggregation the server sees only the mean of 3 clients");
    }

    static double curious(String attack, String clients, String metric) {
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            if (m.get("threat").equals("curious-client")
                    && m.get("attack").equals(attack)
                    && m.get("fl_clients").equals(clients)) {
                return Double.parseDouble(m.get(metric));
            }
        }
        throw new AssertionError("no curious-client row for " + attack + " with " + clients + " clients");
    }

    @Test
    void aCuriousClientInvertsTheOthersAggregateAndMoreClientsHideThemBetter() {
        // One other client: its update is the aggregate, and analytic recovery is exact.
        assertTrue(curious("analytic", "2", "psnr") > 60, "one other client " + curious("analytic", "2", "psnr"));
        assertTrue(curious("analytic", "4", "psnr") < 30, "three others mixed " + curious("analytic", "4", "psnr"));
        assertEquals(100.0, curious("oracle", "4", "psnr"), 1e-9, "the oracle is scored against the others' rows");
        assertEquals(1.0, curious("oracle", "4", "label_acc"), 1e-9);
    }

    @Test
    void attacksRunOnFedAvgWeightDifferences() {
        // For one example, every local step's first-layer gradient is delta_t x^T with bias gradient delta_t, so
        // the ratio of their sums over the steps is still x: analytic recovery stays exact under FedAvg.
        Map<String, String> analytic = row("analytic", "none", "fedavg");
        assertEquals("3", analytic.get("fl_local_steps"));
        assertTrue(Double.parseDouble(analytic.get("psnr")) > 60, "analytic on a 3-step FedAvg update " + analytic);
        assertEquals("ok", row("dlg", "none", "fedavg").get("status"));
    }

    @Test
    void dpSgdPointsReportTheirPrivacyBudget() throws IOException {
        double eps = value("oracle", "dp-sgd", "epsilon");
        assertTrue(eps > 0 && Double.isFinite(eps), "epsilon " + eps);
        assertEquals(1e-5, value("oracle", "dp-sgd", "delta"), 1e-12);
        assertEquals("", row("oracle", "none").get("epsilon"), "no epsilon without a DP defense");
        List<String> table = Files.readAllLines(results.resolve("a").resolve(RunLayout.EPSILON));
        assertEquals(EpsilonTable.HEADER, table.get(0));
        assertEquals(1 + 3 * EpsilonTable.SIGMAS.size(), table.size(), "one configuration, three step counts");
        boolean found = false;
        for (String line : table.subList(1, table.size())) {
            String[] c = line.split(",", -1);
            if (Double.parseDouble(c[0]) == 1.0 && c[2].equals(c[6])) {
                assertEquals(eps, Double.parseDouble(c[4]), 1e-4 * eps, "the table agrees with the row");
                found = true;
            }
        }
        assertTrue(found, "sigma 1 at the run's steps is in the table");
        assertTrue(
                value("analytic", "dp-sgd", "psnr") < value("analytic", "none", "psnr") - 20,
                "DP-SGD's noise hides the single example from the analytic attack");
    }

    @Test
    void costColumnsAreFilledAndSparsificationSendsLess() {
        double plain = value("oracle", "none", "bytes_up");
        assertTrue(plain >= 4 * value("oracle", "none", "params"), "a float per parameter at least");
        assertEquals(plain, value("oracle", "prune", "bytes_up"), "pruning is a defense, sent densely as in DLG");
        assertTrue(value("oracle", "topk", "bytes_up") < plain / 2, "top-10% sends indices and values of a tenth");
        assertTrue(value("oracle", "secagg", "bytes_up") > plain, "secure aggregation adds protocol traffic");
        for (String c : List.of("time_ms", "peak_heap_mb")) {
            assertTrue(value("dlg", "none", c) > 0, c);
        }
    }

    @Test
    void writesReconstructionGridsAndRecordsTheDataFiles() throws IOException {
        Path folder = results.resolve("a");
        String id = row("dlg", "none").get("point_id");
        assertTrue(Files.size(folder.resolve("reconstructions").resolve(id + "-s1.png")) > 0);
        Map<String, Object> prov = ProvenanceFile.read(folder.resolve(RunLayout.PROVENANCE));
        @SuppressWarnings("unchecked")
        Map<String, String> files = (Map<String, String>) prov.get("data_files");
        assertEquals(4, files.size(), files.toString());
        files.values().forEach(sha -> assertTrue(sha.matches("[0-9a-f]{64}"), sha));
    }

    @Test
    void theSameSweepGivesTheSameCsvApartFromTiming() throws IOException {
        ResultTable again = run("b");
        assertEquals(stable(table), stable(again));
    }

    static List<List<String>> stable(ResultTable t) {
        List<List<String>> out = new ArrayList<>();
        List<String> blank = new ArrayList<>(ResultColumns.MACHINE_DEPENDENT);
        blank.addAll(List.of("attack_ms", "defense_ms"));
        for (List<String> r : t.rows()) {
            List<String> copy = new ArrayList<>(r);
            for (String c : blank) {
                if (t.column(c) >= 0) {
                    copy.set(t.column(c), "");
                }
            }
            out.add(copy);
        }
        return out;
    }
}
