package org.leakbench.plots;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leakbench.results.JmhUnits;
import org.leakbench.results.RunLayout;

/**
 * The masking and noise tables: the suite's two memory-speed hot paths against references measured on the
 * same machine in the same run. Masking: mask bytes per second of {@code MaskingBench.prg} (the route this
 * JVM chose), of its pure-JDK fallback and of one-call JDK ciphers, against OpenSSL's AES-128-CTR
 * ({@code jmh/openssl.csv}, written by the suite when {@code openssl} exists). Noise: samples per second of
 * {@code NoiseBench.fastGaussian} against a plain float fill of the same array, and both on a 256 MiB array
 * ({@code fastGaussianLarge}, {@code memoryFill}) for the share of the memory write bandwidth.
 */
final class HotPathTables {
    static final String OPENSSL = "openssl.csv";
    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    private HotPathTables() {}

    static void render(RunContext ctx, List<JmhResult> results) throws IOException {
        Path openssl = ctx.runDir.resolve(RunLayout.JMH).resolve(OPENSSL);
        TextTable masking = masking(results, readOpenSsl(openssl));
        if (masking.rows().isEmpty()) {
            ctx.skip("table masking", "no MaskingBench.prg result in the run");
        } else {
            String caption = "Mask expansion (AES-128-CTR, one thread), GB/s of mask: the generator on the route "
                    + "this JVM chose (the run's mask_prg provenance names it) as the protocol runs it, key stream "
                    + "added into an int[] that is read and written back (expand + add), on the JDK's AES/CTR route, "
                    + "on the "
                    + "pure-JDK fallback, the JDK's ciphers in one call over the whole vector, "
                    + "and OpenSSL's openssl speed -elapsed -evp aes-128-ctr (16 KiB blocks, wall-clock time) on the same machine; last, "
                    + "the same generator writing the mask into an int[] without reading it (expand only, "
                    + "MaskingBench.prgFill), the closer match to OpenSSL's key-stream-only figure. "
                    + ctx.provenance.runTag() + ".";
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("masking.md"), masking.markdown(caption)));
            ctx.table(FigureWriter.writeText(
                    ctx.tablesDir.resolve("masking.tex"), masking.latex(caption, "tab:masking")));
        }
        TextTable noise = noise(results);
        if (noise.rows().isEmpty()) {
            ctx.skip("table noise", "no NoiseBench.fastGaussian result in the run");
        } else {
            String caption = "Gaussian noise into a float[10^6] (one thread): samples per second of the fast "
                    + "sampler (Box-Muller on the Vector API), of the ziggurat it replaced, their ratio, and the share of a plain fill's write rate on the same array (4 bytes a sample); "
                    + "then both on a 256 MiB array, past the last-level cache, where the plain fill is the "
                    + "machine's memory write bandwidth for one thread. "
                    + ctx.provenance.runTag() + ".";
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("noise.md"), noise.markdown(caption)));
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("noise.tex"), noise.latex(caption, "tab:noise")));
        }
        TextTable scaling = SecAggScalingTable.table(results);
        if (scaling.rows().isEmpty()) {
            ctx.skip("table secagg-scaling", "no MaskingBench.maskedUpdate or serverUnmask result in the run");
        } else {
            String caption = "Secure aggregation per round, one thread, seconds: one client's masking step and the "
                    + "server's unmasking at 10% dropout, SecAgg (k = n - 1 neighbours) and SecAgg+ "
                    + "(k = 2 ceil(1.5 log2 n)). Measured where the run has the length; otherwise linear in L from "
                    + "the two largest measured lengths, or from one length plus 4 m (L - L0) / R with m the masks "
                    + "the role expands and R the run's mask PRG rate. "
                    + ctx.provenance.runTag() + ".";
            ctx.table(FigureWriter.writeText(ctx.tablesDir.resolve("secagg-scaling.md"), scaling.markdown(caption)));
            ctx.table(FigureWriter.writeText(
                    ctx.tablesDir.resolve("secagg-scaling.tex"), scaling.latex(caption, "tab:secagg-scaling")));
        }
    }

    /** One row per vector length of {@code MaskingBench.prg}. {@code opensslBytesPerSecond} may be NaN. */
    static TextTable masking(List<JmhResult> results, double opensslBytesPerSecond) {
        List<String> header = List.of(
                "vector length",
                "mask PRG, expand + add (GB/s)",
                "JDK AES/CTR route (GB/s)",
                "pure-JDK fallback (GB/s)",
                "JDK AES/CTR one call (GB/s)",
                "JDK AES/ECB one call (GB/s)",
                "OpenSSL AES-128-CTR (GB/s)",
                "PRG / OpenSSL",
                "mask PRG, expand only (GB/s)",
                "expand only / OpenSSL");
        TreeSet<Integer> lengths = new TreeSet<>();
        for (JmhResult r : results) {
            if (r.shortName().equals("MaskingBench.prg") && r.params().containsKey("vectorLength")) {
                lengths.add(Integer.parseInt(r.params().get("vectorLength")));
            }
        }
        List<List<TextTable.Cell>> rows = new ArrayList<>();
        for (int n : lengths) {
            double prg = gigabytes(results, "MaskingBench.prg", n);
            List<TextTable.Cell> row = new ArrayList<>();
            row.add(TextTable.Cell.of(String.valueOf(n)));
            row.add(TextTable.Cell.of(rate(prg)));
            row.add(TextTable.Cell.of(rate(gigabytes(results, "MaskingBench.prgJdkCtr", n))));
            row.add(TextTable.Cell.of(rate(gigabytes(results, "MaskingBench.prgFallback", n))));
            row.add(TextTable.Cell.of(rate(gigabytes(results, "MaskingBench.jdkAesCtr", n))));
            row.add(TextTable.Cell.of(rate(gigabytes(results, "MaskingBench.jdkAesEcb", n))));
            double ossl = opensslBytesPerSecond / 1e9;
            row.add(TextTable.Cell.of(rate(ossl)));
            row.add(TextTable.Cell.of(ratio(prg, ossl)));
            double fill = gigabytes(results, "MaskingBench.prgFill", n);
            row.add(TextTable.Cell.of(rate(fill)));
            row.add(TextTable.Cell.of(ratio(fill, ossl)));
            rows.add(row);
        }
        return new TextTable(header, rows);
    }

    /** One row: the fast sampler, the ziggurat it replaced, the fill and the fast sampler's share of it. */
    static TextTable noise(List<JmhResult> results) {
        List<String> header = List.of(
                "fast Gaussian (M samples/s)",
                "ziggurat (M samples/s)",
                "fast / ziggurat",
                "fast Gaussian (GB/s)",
                "plain float fill (M floats/s)",
                "fill (GB/s)",
                "share of fill",
                "fast Gaussian, 256 MiB (GB/s)",
                "memory fill, 256 MiB (GB/s)",
                "share of memory write bandwidth");
        double fast = opsPerSecond(results, "NoiseBench.fastGaussian");
        if (Double.isNaN(fast)) {
            return new TextTable(header, List.of());
        }
        double fill = opsPerSecond(results, "NoiseBench.floatFill");
        double fastLarge = opsPerSecond(results, "NoiseBench.fastGaussianLarge");
        double memory = opsPerSecond(results, "NoiseBench.memoryFill");
        double ziggurat = opsPerSecond(results, "NoiseBench.zigguratGaussian");
        List<TextTable.Cell> row = List.of(
                TextTable.Cell.of(rate(fast / 1e6)),
                TextTable.Cell.of(rate(ziggurat / 1e6)),
                TextTable.Cell.of(ratio(fast, ziggurat)),
                TextTable.Cell.of(rate(4 * fast / 1e9)),
                TextTable.Cell.of(rate(fill / 1e6)),
                TextTable.Cell.of(rate(4 * fill / 1e9)),
                TextTable.Cell.of(percent(fast, fill)),
                TextTable.Cell.of(rate(4 * fastLarge / 1e9)),
                TextTable.Cell.of(rate(4 * memory / 1e9)),
                TextTable.Cell.of(percent(fastLarge, memory)));
        return new TextTable(header, List.of(row));
    }

    /** Mask bytes per second in GB/s: every masking benchmark writes 4 bytes per vector element per operation. */
    private static double gigabytes(List<JmhResult> results, String name, int vectorLength) {
        for (JmhResult r : results) {
            if (r.shortName().equals(name)
                    && String.valueOf(vectorLength).equals(r.params().get("vectorLength"))) {
                return 4.0 * vectorLength * 1000 / JmhUnits.millisPerOp(r.score(), r.unit()) / 1e9;
            }
        }
        return Double.NaN;
    }

    /** Operations per second of a benchmark without parameters (samples, where it counts per sample). */
    private static double opsPerSecond(List<JmhResult> results, String name) {
        for (JmhResult r : results) {
            if (r.shortName().equals(name)) {
                return 1000 / JmhUnits.millisPerOp(r.score(), r.unit());
            }
        }
        return Double.NaN;
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "" : Numbers.format(v);
    }

    private static String percent(double part, double whole) {
        return Double.isNaN(part) || Double.isNaN(whole)
                ? ""
                : String.format(Locale.ROOT, "%.0f%%", 100 * part / whole);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    /** OpenSSL's bytes per second, NaN when the suite did not measure it. */
    static double readOpenSsl(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Double.NaN;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSV.parse(in)) {
            if (!p.getHeaderMap().containsKey("bytes_per_second")) {
                throw new PlotInputException(
                        file.toString(), "bytes_per_second", 1, "missing column; the header is " + p.getHeaderNames());
            }
            for (CSVRecord r : p) {
                double v = Numbers.parseOrNaN(r.get("bytes_per_second"));
                if (!(v > 0)) {
                    throw new PlotInputException(
                            file.toString(),
                            "bytes_per_second",
                            r.getRecordNumber() + 1,
                            "'" + r.get("bytes_per_second") + "' is not a positive number");
                }
                return v;
            }
            return Double.NaN;
        }
    }
}
