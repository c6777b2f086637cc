package org.leakbench.cluster;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scheduler's commands ({@code sbatch}, {@code sinfo}, {@code squeue}) found on a search path, with a
 * time limit, so that an unresponsive controller is an error rather than a hang. The path is the process's
 * {@code PATH} unless given, which lets tests put stand-in commands first.
 */
public final class CommandRunner {
    /** What a command printed and returned. */
    public record Result(int exit, String out, String err) {}

    private final String searchPath;
    private final long timeoutSeconds;

    public CommandRunner(String searchPath, long timeoutSeconds) {
        this.searchPath = searchPath == null ? "" : searchPath;
        this.timeoutSeconds = timeoutSeconds;
    }

    /** The process's PATH, 60 s per command. */
    public static CommandRunner system() {
        return new CommandRunner(System.getenv().getOrDefault("PATH", ""), 60);
    }

    /** The executable called {@code name} on the search path, or null. */
    public Path find(String name) {
        for (String dir : searchPath.split(File.pathSeparator, -1)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Runs {@code name args...}.
     *
     * @throws IllegalStateException when the command is not on the path, cannot start or exceeds the time limit
     */
    public Result run(String name, List<String> args) throws IOException {
        Path exe = find(name);
        if (exe == null) {
            throw new IllegalStateException(name + " is not on the PATH; run this on a Slurm login node (or "
                    + "install Slurm's client commands)");
        }
        List<String> command = new ArrayList<>();
        command.add(exe.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.put("PATH", searchPath);
        Process process = pb.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        name + " did not answer within " + timeoutSeconds + " s (is slurmctld reachable?)");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(name + " interrupted", e);
        }
    }

    private static CompletableFuture<String> drain(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }
}
