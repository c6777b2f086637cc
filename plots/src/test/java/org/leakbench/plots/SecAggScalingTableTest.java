package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecAggScalingTableTest {
    private static JmhResult client(String mode, int n, int length, double ms) {
        return new JmhResult(
                "org.leakbench.bench.MaskingBench.maskedUpdate",
                "avgt",
                Map.of("mode", mode, "clients", String.valueOf(n), "maskedLength", String.valueOf(length)),
                ms,
                0,
                "ms/op");
    }

    private static JmhResult server(String mode, int n, int length, String dropout, double ms) {
        return new JmhResult(
                "org.leakbench.bench.MaskingBench.serverUnmask",
                "avgt",
                Map.of(
                        "serverMode",
                        mode,
                        "serverClients",
                        String.valueOf(n),
                        "serverLength",
                        String.valueOf(length),
                        "dropout",
                        dropout),
                ms,
                0,
                "ms/op");
    }

    private static List<String> row(TextTable t, String protocol, int n, long length) {
        for (List<TextTable.Cell> r : t.rows()) {
            if (r.get(0).text().equals(protocol)
                    && r.get(1).text().equals(String.valueOf(n))
                    && r.get(2).text().equals(String.valueOf(length))) {
                return r.stream().map(TextTable.Cell::text).toList();
            }
        }
        throw new AssertionError("no row " + protocol + " " + n + " " + length + " in " + t.rows());
    }

    @Test
    void clientTimesAreMeasuredOrLinearInTheLength() {
        // 10 ms at 10^4, 100 ms at 10^5: 1 ms per 10^3 coordinates, so 10^6 takes 1 s and 10^7 10 s.
        TextTable t = SecAggScalingTable.table(
                List.of(client("SECAGG", 100, 10_000, 10), client("SECAGG", 100, 100_000, 100)));
        assertEquals(3, t.rows().size());
        List<String> at5 = row(t, "SECAGG", 100, 100_000);
        assertEquals(Numbers.format(0.1), at5.get(3));
        assertEquals("measured", at5.get(4));
        assertEquals(Numbers.format(1.0), row(t, "SECAGG", 100, 1_000_000).get(3));
        List<String> at7 = row(t, "SECAGG", 100, 10_000_000);
        assertEquals(Numbers.format(10.0), at7.get(3));
        assertTrue(at7.get(4).startsWith("extrapolated: linear in L through "), at7.get(4));
        assertEquals("", at7.get(5), "no server result: empty, not zero");
        assertEquals("not measured", at7.get(6));
    }

    @Test
    void oneServerLengthGrowsByTheMasksItExpandsAtThePrgRate() {
        // SecAgg+, n = 100: k = 2 ceil(1.5 log2 100) = 20; m = 90 + 10 * 20 * 0.9 = 270 masks.
        // PRG at 10^6 words in 1 ms: 4e9 B/s. From 10^4 to 10^5: 4 * 270 * 90000 / 4e9 = 0.0243 s more.
        List<JmhResult> r = List.of(
                server("SECAGG_PLUS", 100, 10_000, "0.1", 50),
                server("SECAGG_PLUS", 100, 10_000, "0.2", 999),
                new JmhResult(
                        "org.leakbench.bench.MaskingBench.prg",
                        "thrpt",
                        Map.of("vectorLength", "1000000"),
                        1000,
                        Double.NaN,
                        "ops/s"));
        assertEquals(20, SecAggScalingTable.neighbours("SECAGG_PLUS", 100));
        assertEquals(99, SecAggScalingTable.neighbours("SECAGG", 100));
        assertEquals(270.0, SecAggScalingTable.serverMasks("SECAGG_PLUS", 100), 1e-9);
        List<String> at5 = row(SecAggScalingTable.table(r), "SECAGG_PLUS", 100, 100_000);
        assertEquals(Numbers.format(0.05 + 0.0243), at5.get(5));
        assertTrue(at5.get(6).contains("4·m·ΔL/R"), at5.get(6));
    }

    @Test
    void withoutAPrgRateOneLengthIsNotExtrapolated() {
        List<String> at5 = row(
                SecAggScalingTable.table(List.of(server("SECAGG", 100, 10_000, "0.1", 50))), "SECAGG", 100, 100_000);
        assertEquals("", at5.get(5));
        assertEquals("one length, no PRG rate", at5.get(6));
    }

    @Test
    void timesThatDoNotGrowWithLengthAreNotExtrapolatedAlongAFallingLine() {
        // A server time that falls from 10^4 to 10^5 coordinates (noise): a line through it would go below 0.
        List<String> at7 = row(
                SecAggScalingTable.table(
                        List.of(server("SECAGG", 100, 10_000, "0.1", 50), server("SECAGG", 100, 100_000, "0.1", 40))),
                "SECAGG",
                100,
                10_000_000);
        assertEquals("", at7.get(5), "no PRG rate in this run: left empty rather than negative");
        assertTrue(at7.get(6).contains("do not grow with L"), at7.get(6));
    }

    /** The paper run's n = 1000 server: measured at 10^5, extrapolated beyond through 10^4 and 10^5. */
    @Test
    void aThousandClientsMeasuredAtTwoLengthsAreExtrapolatedThroughThem() {
        List<JmhResult> results =
                List.of(server("SECAGG", 1000, 10_000, "0.1", 2_000), server("SECAGG", 1000, 100_000, "0.1", 11_000));
        TextTable t = SecAggScalingTable.table(results);
        assertEquals("measured", row(t, "SECAGG", 1000, 100_000).get(6));
        assertEquals(11.0, Double.parseDouble(row(t, "SECAGG", 1000, 100_000).get(5)), 1e-9);
        List<String> at6 = row(t, "SECAGG", 1000, 1_000_000);
        assertEquals("extrapolated: linear in L through 10000, 100000", at6.get(6));
        assertEquals(101.0, Double.parseDouble(at6.get(5)), 1e-9, "11 s + 9·10^5 × 10^-4 s per coordinate");
    }

    @Test
    void noSecAggResultsNoRows() {
        assertTrue(SecAggScalingTable.table(List.of()).rows().isEmpty());
    }
}
