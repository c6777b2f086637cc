package org.leakbench.sweep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.tensor.Backends;

/** Facts about this machine and build, for provenance and {@code leakbench env}. */
public final class SystemInfo {
    private SystemInfo() {}

    /** LeakBench's version from the jar's Maven metadata, or "dev" when run from classes. */
    public static String leakbenchVersion() {
        String v = SystemInfo.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = SystemInfo.class.getResourceAsStream(
                "/META-INF/maven/org.leakbench/leakbench-harness/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            }
        } catch (IOException e) {
            // fall through
        }
        return "dev";
    }

    /** The CPU's model name ("model name" in /proc/cpuinfo on Linux), else the OS architecture. */
    public static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // fall through
            }
        }
        return System.getProperty("os.arch");
    }

    /** JVM, OS, CPU, cores, memory and the secure-aggregation routes this machine takes. */
    public static Map<String, Object> machine() {
        return machine(true);
    }

    /** What {@code mask_prg} and {@code x25519} say for a run without secure aggregation. */
    static final String NOT_PROBED = "not probed: no secure aggregation in this run";

    /**
     * Like {@link #machine()}; without {@code secureAggregation} the mask generator's and X25519's routes are not
     * probed (that loads the foreign linker and libcrypto, about half a second of a one-attack command's start) and
     * read {@link #NOT_PROBED}.
     */
    public static Map<String, Object> machine(boolean secureAggregation) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(ProvenanceFile.LEAKBENCH_VERSION, leakbenchVersion());
        m.put(
                ProvenanceFile.JVM,
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version"));
        m.put(
                ProvenanceFile.OS,
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        m.put(ProvenanceFile.CPU, cpuModel());
        m.put(ProvenanceFile.CORES, Runtime.getRuntime().availableProcessors());
        m.put(ProvenanceFile.MAX_HEAP_MB, Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put(
                ProvenanceFile.MASK_PRG,
                secureAggregation ? org.leakbench.defense.secagg.MaskPrgRoute.description() : NOT_PROBED);
        m.put(
                ProvenanceFile.X25519,
                secureAggregation ? org.leakbench.defense.secagg.X25519.description() : NOT_PROBED);
        return m;
    }

    /** The backend's description, or "unavailable: why" in one sentence (never throws). */
    public static String describeBackend(String name) {
        try {
            return Backends.get(name).description();
        } catch (Exception | LinkageError e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return "unavailable: " + why.lines().findFirst().orElse(why);
        }
    }

    private static volatile Map<String, Object> gitCache;

    /** Written into the jar at build time (the pom's git-commit-id plugin): the commit the code was built from. */
    static final String BUILD_GIT_RESOURCE = "/org/leakbench/git.properties";

    /**
     * Git commit and dirty flag of the code that is running: recorded at build time when the jar carries them
     * (so a jar copied to a cluster still says what it was built from), else asked of git in the working
     * directory, else "unknown". Asked once per process: the answer does not change while it runs.
     */
    public static Map<String, Object> git() {
        Map<String, Object> cached = gitCache;
        if (cached == null) {
            cached = java.util.Collections.unmodifiableMap(askGit());
            gitCache = cached;
        }
        return cached;
    }

    private static Map<String, Object> askGit() {
        Map<String, Object> built = fromBuild();
        if (built != null) {
            return built;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        String commit = run(List.of("git", "rev-parse", "HEAD"));
        String status = commit == null ? null : run(List.of("git", "status", "--porcelain"));
        m.put("commit", commit == null ? "unknown" : commit.trim());
        m.put("dirty", status == null ? "unknown" : !status.isBlank());
        m.put("source", "working directory");
        return m;
    }

    private static Map<String, Object> fromBuild() {
        try (java.io.InputStream in = SystemInfo.class.getResourceAsStream(BUILD_GIT_RESOURCE)) {
            if (in == null) {
                return null;
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            String commit = p.getProperty("git.commit.id", "").trim();
            if (commit.isEmpty() || commit.startsWith("${")) {
                return null; // built outside a git checkout
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("commit", commit);
            m.put(
                    "dirty",
                    Boolean.parseBoolean(p.getProperty("git.dirty", "false").trim()));
            m.put("source", "build");
            return m;
        } catch (IOException e) {
            return null;
        }
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
