package org.leakbench.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The few Slurm commands a cluster run needs: {@code sinfo} to check a partition, {@code sbatch}, {@code squeue}. */
public final class SlurmClient {
    private final CommandRunner runner;

    public SlurmClient(CommandRunner runner) {
        this.runner = runner;
    }

    /** Fails with a clear message unless {@code sbatch} is on the path. */
    public void requireSbatch() {
        if (runner.find("sbatch") == null) {
            throw new IllegalStateException("sbatch is not on the PATH; run 'leakbench slurm' on a Slurm login node "
                    + "(or install Slurm's client commands)");
        }
    }

    /** Fails unless {@code partition} is one that {@code sinfo} lists. */
    public void requirePartition(String partition) throws IOException {
        CommandRunner.Result r = runner.run("sinfo", List.of("--noheader", "--format=%R"));
        if (r.exit() != 0) {
            throw new IllegalStateException(
                    "sinfo failed (exit " + r.exit() + "): " + r.err().strip());
        }
        List<String> names = r.out()
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (!names.contains(partition)) {
            throw new IllegalArgumentException("--partition: partition '" + partition + "' does not exist; sinfo "
                    + "lists: " + (names.isEmpty() ? "none" : String.join(", ", names)));
        }
    }

    /**
     * Submits {@code script} with extra sbatch options; returns the job id.
     *
     * @throws IllegalStateException with sbatch's message when it refuses the job
     */
    public String submit(Path script, List<String> options) throws IOException {
        List<String> args = new ArrayList<>(List.of("--parsable"));
        args.addAll(options);
        args.add(script.toString());
        CommandRunner.Result r = runner.run("sbatch", args);
        String id = r.out().strip().split(";", -1)[0];
        if (r.exit() != 0 || !id.matches("\\d+")) {
            throw new IllegalStateException("sbatch refused " + script.getFileName() + " (exit " + r.exit() + "): "
                    + (r.err().isBlank() ? r.out() : r.err()).strip());
        }
        return id;
    }

    /**
     * The state of every queued or running task of {@code jobIds}, keyed "job" or "job_task" as squeue prints
     * them (array tasks expanded); empty when squeue is missing or fails (status still works from the files).
     */
    public Map<String, String[]> queue(List<String> jobIds) {
        Map<String, String[]> states = new HashMap<>();
        if (jobIds.isEmpty() || runner.find("squeue") == null) {
            return states;
        }
        try {
            CommandRunner.Result r = runner.run(
                    "squeue",
                    List.of("--noheader", "--array", "--jobs=" + String.join(",", jobIds), "--format=%i %T %N"));
            if (r.exit() != 0) {
                return states;
            }
            for (String line : r.out().lines().toList()) {
                String[] cells = line.strip().split("\\s+", -1);
                if (cells.length >= 2) {
                    states.put(cells[0], new String[] {cells[1], cells.length > 2 ? cells[2] : ""});
                }
            }
        } catch (IOException | IllegalStateException e) {
            // no queue information: the caller shows progress from the result files only
        }
        return states;
    }
}
