package org.leakbench.plots;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.RunLayout;

/**
 * One machine's benchmark results for the backend comparison: its JMH results, the operation counts the
 * suite recorded ({@code jmh/flops.csv}), the PyTorch reference timings ({@code jmh/torch.csv}) and the suite
 * settings ({@code jmh/settings.properties}). Every file but the JMH JSON is optional.
 *
 * @param label    how the table names this machine (empty for a single run)
 * @param results  the JMH results
 * @param flops    operation count per "Class.method|k=v;k=v" (parameters sorted by name)
 * @param torch    PyTorch milliseconds per "path|model|batch"
 * @param settings the suite settings (thread counts, backends, load), possibly empty
 * @param cpu      the CPU named in provenance.json, or the empty string
 */
public record JmhSource(
        String label,
        List<JmhResult> results,
        Map<String, Double> flops,
        Map<String, Double> torch,
        Map<String, String> settings,
        String cpu) {
    static final String FLOPS = "flops.csv";
    static final String TORCH = "torch.csv";
    static final String SETTINGS = "settings.properties";
    private static final CSVFormat CSV = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /** Reads a run folder (already resolved); {@code label} may be null for "the run id". */
    public static JmhSource read(Path runDir, String label) throws IOException {
        String name = label != null ? label : Provenance.read(runDir).runId();
        return readFolder(runDir.resolve(RunLayout.JMH), name, readCpu(runDir));
    }

    /** The results of one JMH folder: a run's {@code jmh/} or a thread-scaling pass inside it. */
    static JmhSource readFolder(Path jmh, String label, String cpu) throws IOException {
        Map<String, String> settings = readSettings(jmh.resolve(SETTINGS));
        Map<String, Double> torch = readTorch(jmh.resolve(TORCH), settings);
        return new JmhSource(label, JmhResult.readAll(jmh), readFlops(jmh.resolve(FLOPS)), torch, settings, cpu);
    }

    /** The same results under another label. */
    JmhSource labelled(String newLabel) {
        return new JmhSource(newLabel, results, flops, torch, settings, cpu);
    }

    /** The key of a parameter combination in {@link #flops}. */
    static String flopKey(JmhResult r) {
        java.util.StringJoiner params = new java.util.StringJoiner(";");
        new TreeMap<>(r.params()).forEach((k, v) -> params.add(k + "=" + v));
        return r.shortName() + "|" + params;
    }

    static String torchKey(String path, String model, String batch) {
        return path + "|" + model + "|" + batch;
    }

    private static Map<String, Double> readFlops(Path file) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (CSVRecord r : records(file, "benchmark", "params", "flop_per_op")) {
            out.put(r.get("benchmark") + "|" + r.get("params"), number(file, r, "flop_per_op"));
        }
        return out;
    }

    /** PyTorch times; the thread counts the file names go into {@code settings} as "torch.threads". */
    private static Map<String, Double> readTorch(Path file, Map<String, String> settings) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        java.util.Set<String> threads = new java.util.TreeSet<>();
        for (CSVRecord r : records(file, "model", "batch", "path", "median_ms")) {
            out.put(torchKey(r.get("path"), r.get("model"), r.get("batch")), number(file, r, "median_ms"));
            if (r.isMapped("threads")) {
                threads.add(r.get("threads"));
            }
        }
        if (!threads.isEmpty()) {
            settings.put("torch.threads", String.join("/", threads));
        }
        return out;
    }

    private static List<CSVRecord> records(Path file, String... required) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = CSV.parse(in)) {
            for (String column : required) {
                if (!p.getHeaderMap().containsKey(column)) {
                    throw new PlotInputException(
                            file.toString(), column, 1, "missing column; the header is " + p.getHeaderNames());
                }
            }
            return new ArrayList<>(p.getRecords());
        }
    }

    private static double number(Path file, CSVRecord r, String column) {
        double v = Numbers.parseOrNaN(r.get(column));
        if (Double.isNaN(v)) {
            throw new PlotInputException(
                    file.toString(), column, r.getRecordNumber() + 1, "'" + r.get(column) + "' is not a number");
        }
        return v;
    }

    private static Map<String, String> readSettings(Path file) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            p.forEach((k, v) -> out.put(k.toString(), v.toString()));
        }
        return out;
    }

    private static String readCpu(Path runDir) {
        Path file = runDir.resolve(RunLayout.PROVENANCE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        try {
            Map<String, Object> p = ProvenanceFile.read(file);
            String cpu = ProvenanceFile.text(p, ProvenanceFile.CPU, "");
            String cores = ProvenanceFile.text(p, ProvenanceFile.CORES, "");
            return cpu.isEmpty() ? "" : cpu + (cores.isEmpty() ? "" : ", " + cores + " cores");
        } catch (IOException | IllegalArgumentException e) {
            return ""; // Provenance.read reports a broken provenance.json; the CPU is only decoration
        }
    }
}
