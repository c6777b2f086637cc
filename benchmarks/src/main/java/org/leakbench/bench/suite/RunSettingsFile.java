package org.leakbench.bench.suite;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * {@code jmh/settings.properties}: what the numbers depend on besides the code: the JMH settings, the JMH,
 * ND4J and java thread counts, the backends (or why they were skipped), the machine, and the load average before and
 * after the run (other processes on the machine slow every benchmark down).
 */
final class RunSettingsFile {
    private RunSettingsFile() {}

    static void write(
            Path file,
            SuiteSettings s,
            String include,
            ThreadCounts threads,
            Map<String, String> backends,
            List<String> skipped,
            String loadBefore,
            long seconds)
            throws IOException {
        Map<String, String> p = new TreeMap<>();
        p.put("jmh.settings", s.name());
        p.put("jmh.include", include);
        p.put("jmh.forks", String.valueOf(s.forks()));
        p.put("jmh.warmup", s.warmups() + " x " + s.warmupMillis() + " ms");
        p.put("jmh.measurement", s.iterations() + " x " + s.iterationMillis() + " ms");
        s.extraRuns().forEach((cls, runs) -> {
            for (int i = 0; i < runs.size(); i++) {
                p.put("jmh.extra." + cls + "." + i, runs.get(i).describe());
            }
        });
        p.put(ThreadCounts.JMH, String.valueOf(threads.jmh()));
        p.put(ThreadCounts.ND4J, String.valueOf(threads.nd4j()));
        p.put(ThreadCounts.JAVA, String.valueOf(threads.java()));
        backends.forEach((k, v) -> p.put("backend." + k, v));
        for (int i = 0; i < skipped.size(); i++) {
            p.put("skipped." + i, skipped.get(i));
        }
        p.put("machine.processors", String.valueOf(Runtime.getRuntime().availableProcessors()));
        p.put("machine.os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        p.put("machine.java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        p.put("machine.mask_prg", org.leakbench.defense.secagg.MaskPrgRoute.description());
        p.put("machine.x25519", org.leakbench.defense.secagg.X25519.description());
        p.put("load.before", loadBefore);
        p.put("load.after", loadAverage());
        p.put("finished", Instant.now().toString());
        p.put("seconds", String.valueOf(seconds));
        Properties props = new Properties();
        props.putAll(p);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            props.store(w, "JMH suite settings");
        }
    }

    /** The 1, 5 and 15 minute load averages where the system reports them, else "unknown". */
    static String loadAverage() {
        Path proc = Path.of("/proc/loadavg");
        try {
            if (Files.isReadable(proc)) {
                String[] f =
                        Files.readString(proc, StandardCharsets.UTF_8).trim().split("\\s+", -1);
                if (f.length >= 3) {
                    return f[0] + " " + f[1] + " " + f[2];
                }
            }
        } catch (IOException e) {
            // fall through to the JVM's one-minute figure
        }
        double one = java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage();
        return one >= 0 ? String.format(java.util.Locale.ROOT, "%.2f", one) : "unknown";
    }
}
