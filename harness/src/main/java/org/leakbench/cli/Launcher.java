package org.leakbench.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.leakbench.cluster.SlurmResources;

/** The command an array task uses to start this same LeakBench: this JVM, its class path and LeakBench's main. */
final class Launcher {
    private Launcher() {}

    static List<String> command(SlurmResources resources) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String heap = resources.heapOption();
        if (heap != null) {
            cmd.add(heap);
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.add("--add-modules=jdk.incubator.vector");
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.foreign").isPresent()) {
            cmd.add("--add-modules=jdk.incubator.foreign"); // the mask generator's native route
            cmd.add("--enable-native-access=ALL-UNNAMED");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator, -1)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, entries));
        cmd.add(LeakBench.class.getName());
        return cmd;
    }
}
