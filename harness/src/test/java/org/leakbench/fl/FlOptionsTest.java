package org.leakbench.fl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FlOptionsTest {
    private static void rejects(String field, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(field), "message names " + field + ": " + e.getMessage());
    }

    @Test
    void validatesEveryField() {
        rejects("fl.algorithm", () -> new FlOptions(null, 10, 2, 1, 1, 1, 0.1, 1, 0));
        rejects("fl.clients", () -> new FlOptions(Algorithm.FEDSGD, 0, 1, 1, 1, 1, 0.1, 1, 0));
        rejects("fl.clientsPerRound", () -> new FlOptions(Algorithm.FEDSGD, 10, 11, 1, 1, 1, 0.1, 1, 0));
        rejects("fl.rounds", () -> new FlOptions(Algorithm.FEDSGD, 10, 2, 0, 1, 1, 0.1, 1, 0));
        rejects("fl.localEpochs", () -> new FlOptions(Algorithm.FEDAVG, 10, 2, 1, 0, 1, 0.1, 1, 0));
        rejects("fl.localBatch", () -> new FlOptions(Algorithm.FEDAVG, 10, 2, 1, 1, 0, 0.1, 1, 0));
        rejects("fl.lr", () -> new FlOptions(Algorithm.FEDAVG, 10, 2, 1, 1, 1, Double.NaN, 1, 0));
        rejects("fl.serverLr", () -> new FlOptions(Algorithm.FEDAVG, 10, 2, 1, 1, 1, 0.1, 0, 0));
        rejects("fl.threads", () -> new FlOptions(Algorithm.FEDAVG, 10, 2, 1, 1, 1, 0.1, 1, -1));
        rejects("fl.clientFraction", () -> FlOptions.clientsForFraction(10, 0));
        rejects("fl.algorithm", () -> Algorithm.parse("fedprox"));
        assertEquals(Algorithm.FEDAVG, Algorithm.parse(" FedAvg "));
    }

    @Test
    void dataIsChecked() {
        float[][] x = new float[4][2];
        int[] y = new int[4];
        rejects("client 1", () -> new FlData(x, y, new int[][] {{0, 1}, {}}, x, y));
        rejects("row 9", () -> new FlData(x, y, new int[][] {{0, 9}}, x, y));
        rejects("label", () -> new FlData(x, new int[3], new int[][] {{0}}, x, y));
        FlData d = new FlData(x, y, FlData.iidPartition(4, 2, 1), x, y);
        rejects(
                "partition has 2 clients",
                () -> new FederatedTraining(
                        SyntheticBlobs.logistic(),
                        org.leakbench.tensor.Backends.get("ejml"),
                        org.leakbench.tensor.DType.F32,
                        FlOptions.of(Algorithm.FEDSGD, 3, 1, 1, 1, 1, 0.1),
                        d,
                        null));
    }

    @Test
    void iidPartitionCoversEveryRowOnce() {
        int[][] parts = FlData.iidPartition(103, 10, 5);
        int[] count = new int[103];
        for (int[] p : parts) {
            assertTrue(p.length == 10 || p.length == 11, "part size " + p.length);
            for (int i : p) {
                count[i]++;
            }
        }
        for (int c : count) {
            assertEquals(1, c);
        }
    }
}
