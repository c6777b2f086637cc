package org.leakbench.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PyTorch reference script, which times the same gradient and inversion steps on the CPU, into
 * {@code jmh/torch.csv}. A machine without Python or without torch gets a one-line note and the build goes on:
 * the PyTorch column of the comparison table is then left empty.
 */
public final class TorchReference {
    /** The file the comparison table reads, inside the run's jmh folder. */
    public static final String CSV = "torch.csv";

    private static final long TIMEOUT_MINUTES = 20;

    private TorchReference() {}

    /** Runs {@code script}; returns whether torch.csv was written. */
    public static boolean run(Path script, Path csv, String mode, int threads, PrintStream log) throws IOException {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("PyTorch reference script " + script + " not found");
        }
        Optional<String> python = findPython();
        if (python.isEmpty()) {
            log.println("PyTorch reference skipped: no python3 with torch found (set -Dleakbench.python=PATH to "
                    + "choose one); the PyTorch column stays empty.");
            return false;
        }
        List<String> cmd = new ArrayList<>(List.of(
                python.get(), script.toString(), "--threads", String.valueOf(threads), "--out", csv.toString()));
        if (mode.equals("quick")) {
            cmd.add("--quick");
        }
        log.println("PyTorch reference: " + String.join(" ", cmd));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                log.println("PyTorch reference stopped after " + TIMEOUT_MINUTES + " minutes; no torch.csv.");
                return false;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return false;
        }
        if (p.exitValue() != 0) {
            log.println("PyTorch reference failed (exit " + p.exitValue() + "); the PyTorch column stays empty.");
            return false;
        }
        return Files.isRegularFile(csv);
    }

    /** The first of -Dleakbench.python, python3 and /usr/bin/python3 that can import torch. */
    static Optional<String> findPython() {
        Set<String> candidates = new LinkedHashSet<>();
        String chosen = System.getProperty("leakbench.python");
        if (chosen != null && !chosen.isBlank()) {
            candidates.add(chosen.trim());
        }
        candidates.add("python3");
        candidates.add("/usr/bin/python3");
        for (String c : candidates) {
            if (importsTorch(c)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean importsTorch(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
