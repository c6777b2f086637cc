package org.leakbench.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * What each array task asks Slurm for.
 *
 * @param partition partition, or null for the cluster's default
 * @param time wall-time limit per task (Slurm's formats, e.g. 12:00:00 or 1-00:00:00), or null
 * @param cpus CPUs per task, at least 1; also the points a shard runs at once
 * @param mem memory per task (e.g. 8G), or null
 * @param gpus GPUs per GPU-shard task, 0 for none
 * @param account account to charge, or null
 */
public record SlurmResources(String partition, String time, int cpus, String mem, int gpus, String account) {
    public SlurmResources {
        if (cpus < 1) {
            throw new IllegalArgumentException("--cpus must be at least 1, got " + cpus);
        }
        if (gpus < 0) {
            throw new IllegalArgumentException("--gpus must not be negative, got " + gpus);
        }
        if (time != null && !time.matches("(\\d+-)?\\d+(:\\d{1,2}){0,2}")) {
            throw new IllegalArgumentException(
                    "--time: expected minutes, MM:SS, HH:MM:SS or D-HH:MM:SS, got '" + time + "'");
        }
        if (mem != null && !mem.matches("\\d+[KMGT]?")) {
            throw new IllegalArgumentException("--mem: expected a size such as 8000, 8G or 512M, got '" + mem + "'");
        }
        checkName("--partition", partition);
        checkName("--account", account);
    }

    private static void checkName(String option, String value) {
        if (value != null && !value.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a Slurm name");
        }
    }

    /** The #SBATCH lines for one array task ({@code gpu}: add the GPU request). */
    List<String> directives(boolean gpu) {
        List<String> lines = new ArrayList<>();
        lines.add("--cpus-per-task=" + cpus);
        if (mem != null) {
            lines.add("--mem=" + mem);
        }
        if (time != null) {
            lines.add("--time=" + time);
        }
        if (partition != null) {
            lines.add("--partition=" + partition);
        }
        if (account != null) {
            lines.add("--account=" + account);
        }
        if (gpu && gpus > 0) {
            lines.add("--gres=gpu:" + gpus);
        }
        return lines;
    }

    /** A heap for the JVM: three quarters of --mem, so native memory (nd4j, threads) fits beside it. */
    public String heapOption() {
        if (mem == null) {
            return null;
        }
        char last = mem.charAt(mem.length() - 1);
        boolean bare = Character.isDigit(last); // Slurm reads a bare number as megabytes
        long value = Long.parseLong(bare ? mem : mem.substring(0, mem.length() - 1));
        char unit = bare ? 'M' : last;
        long mb = switch (unit) {
            case 'K' -> value / 1024;
            case 'G' -> value * 1024;
            case 'T' -> value * 1024 * 1024;
            default -> value;
        };
        return "-Xmx" + Math.max(256, mb * 3 / 4) + "m";
    }
}
