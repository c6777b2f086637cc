package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotPathTablesTest {
    @TempDir
    Path dir;

    private static JmhResult thrpt(String name, Map<String, String> params, double opsPerSecond) {
        return new JmhResult("org.leakbench.bench." + name, "thrpt", params, opsPerSecond, Double.NaN, "ops/s");
    }

    @Test
    void maskingRatesAreBytesOfMaskAgainstOpenSsl() {
        // 10^6 words = 4 MB a call: 1000 calls/s is 4 GB/s; OpenSSL at 5 GB/s.
        List<JmhResult> r = List.of(
                thrpt("MaskingBench.prg", Map.of("vectorLength", "1000000"), 1000),
                thrpt("MaskingBench.prgJdkCtr", Map.of("vectorLength", "1000000"), 750),
                thrpt("MaskingBench.prgFallback", Map.of("vectorLength", "1000000"), 500),
                thrpt("MaskingBench.jdkAesEcb", Map.of("vectorLength", "1000000"), 250),
                thrpt("MaskingBench.prgFill", Map.of("vectorLength", "1000000"), 1125),
                new JmhResult("org.leakbench.bench.MaskingBench.maskedUpdate", "avgt", Map.of(), 3, 0, "ms/op"));
        TextTable t = HotPathTables.masking(r, 5e9);
        assertEquals(1, t.rows().size());
        List<TextTable.Cell> row = t.rows().get(0);
        assertEquals("1000000", row.get(0).text());
        assertEquals(Numbers.format(4.0), row.get(1).text());
        assertEquals(Numbers.format(3.0), row.get(2).text());
        assertEquals(Numbers.format(2.0), row.get(3).text());
        assertEquals("", row.get(4).text(), "no AES/CTR result: empty, not zero");
        assertEquals(Numbers.format(1.0), row.get(5).text());
        assertEquals("0.80", row.get(7).text());
        assertEquals(Numbers.format(4.5), row.get(8).text(), "expand only: the mask written, not added");
        assertEquals("0.90", row.get(9).text());
        assertEquals(
                "", HotPathTables.masking(r, Double.NaN).rows().get(0).get(7).text());
    }

    @Test
    void noiseShareIsOfThePlainFill() {
        List<JmhResult> r = List.of(
                thrpt("NoiseBench.fastGaussian", Map.of(), 6e8),
                thrpt("NoiseBench.zigguratGaussian", Map.of(), 2.4e8),
                thrpt("NoiseBench.floatFill", Map.of(), 3e9));
        List<TextTable.Cell> row = HotPathTables.noise(r).rows().get(0);
        assertEquals(Numbers.format(240.0), row.get(1).text());
        assertEquals("2.50", row.get(2).text());
        assertEquals(Numbers.format(2.4), row.get(3).text());
        assertEquals(Numbers.format(12.0), row.get(5).text());
        assertEquals("20%", row.get(6).text());
        assertEquals("", row.get(9).text(), "no 256 MiB run: empty, not zero");
        assertTrue(HotPathTables.noise(List.of()).rows().isEmpty());
    }

    @Test
    void noiseAtMemoryScaleIsAShareOfTheMemoryFill() {
        // 2e8 samples/s is 0.8 GB/s; a 256 MiB fill at 2e9 floats/s is 8 GB/s.
        List<JmhResult> r = List.of(
                thrpt("NoiseBench.fastGaussian", Map.of(), 6e8),
                thrpt("NoiseBench.fastGaussianLarge", Map.of(), 2e8),
                thrpt("NoiseBench.memoryFill", Map.of(), 2e9));
        List<TextTable.Cell> row = HotPathTables.noise(r).rows().get(0);
        assertEquals("", row.get(2).text(), "no ziggurat result: empty");
        assertEquals("", row.get(6).text(), "no in-cache fill: empty");
        assertEquals(Numbers.format(0.8), row.get(7).text());
        assertEquals(Numbers.format(8.0), row.get(8).text());
        assertEquals("10%", row.get(9).text());
    }

    @Test
    void aBrokenOpenSslFileNamesTheColumn() throws IOException {
        Path f = dir.resolve("openssl.csv");
        Files.writeString(f, "algorithm,block_bytes,bytes_per_second\naes-128-ctr,16384,fast\n");
        PlotInputException e = assertThrows(PlotInputException.class, () -> HotPathTables.readOpenSsl(f));
        assertTrue(e.getMessage().contains("bytes_per_second"), e.getMessage());
        Files.writeString(f, "algorithm,block_bytes,bytes_per_second\naes-128-ctr,16384,7.8e9\n");
        assertEquals(7.8e9, HotPathTables.readOpenSsl(f));
        assertTrue(Double.isNaN(HotPathTables.readOpenSsl(dir.resolve("none.csv"))));
    }
}
