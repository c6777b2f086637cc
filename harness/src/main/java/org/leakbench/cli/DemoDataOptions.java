package org.leakbench.cli;

import java.nio.file.Path;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Datasets;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import picocli.CommandLine.Option;

/** The data set, its folder and the backend of a demo (a picocli mixin; each demo sets its own default data set). */
final class DemoDataOptions {
    @Option(names = "--data-dir", description = "Folder with the files of fashion-mnist, mnist, cifar10 or cifar100.")
    Path dataDir;

    @Option(
            names = "--backend",
            defaultValue = "java",
            description = "java (alias ejml) or nd4j (default: ${DEFAULT-VALUE}).")
    String backend;

    DataSplit load(String dataset) {
        return Datasets.load(dataset, dataDir);
    }

    Backend backend() {
        return Backends.get(backend);
    }
}
