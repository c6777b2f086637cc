package org.leakbench.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Stand-in Slurm commands in a folder used as the whole search path: each logs its arguments to
 * {@code calls.log} and prints what the test set. sbatch hands out job ids 1001, 1002, ...
 */
public final class FakeSlurm {
    private final Path bin;

    public FakeSlurm(Path dir) throws IOException {
        this.bin = Files.createDirectories(dir.resolve("fake-bin"));
        Files.writeString(bin.resolve("next-id"), "1001\n");
        command("sbatch", """
                id=$(cat "$BIN/next-id"); echo $((id + 1)) > "$BIN/next-id"
                echo "sbatch $*" >> "$BIN/calls.log"
                echo "$id"
                """);
        partitions("batch", "gpu");
    }

    /** sinfo lists these partitions. */
    public FakeSlurm partitions(String... names) throws IOException {
        command("sinfo", "echo \"sinfo $*\" >> \"$BIN/calls.log\"\nprintf '%s\\n' " + String.join(" ", names) + "\n");
        return this;
    }

    /** squeue prints these lines ("job_task STATE node"). */
    public FakeSlurm queue(String... lines) throws IOException {
        StringBuilder body = new StringBuilder("echo \"squeue $*\" >> \"$BIN/calls.log\"\n");
        for (String l : lines) {
            body.append("echo '").append(l).append("'\n");
        }
        command("squeue", body.toString());
        return this;
    }

    /** Replaces (or adds) a command with a shell body; {@code $BIN} is this folder. */
    public FakeSlurm command(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\nPATH=/bin:/usr/bin\nBIN='" + bin + "'\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return this;
    }

    public void remove(String name) throws IOException {
        Files.deleteIfExists(bin.resolve(name));
    }

    /** A runner whose search path is this folder alone (so a real Slurm on the machine is never found). */
    public CommandRunner runner(long timeoutSeconds) {
        return new CommandRunner(bin.toString(), timeoutSeconds);
    }

    /** The calls so far, one line each. */
    public List<String> calls() throws IOException {
        Path log = bin.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
