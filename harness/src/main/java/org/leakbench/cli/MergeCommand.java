package org.leakbench.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.leakbench.sweep.ResultMerger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakbench merge}: combines shard run folders into one. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = {
            "Merge run folders (e.g. the shards of one sweep) into one results.csv and provenance.json.",
            "All inputs need the same columns; a (point_id, seed) pair found twice is kept once (an ok/diverged",
            "row wins over failed/timeout, else the first input wins)."
        })
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<run-dir>", description = "Run folders to merge.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the merged run.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ResultMerger.Summary s = ResultMerger.merge(inputs, out);
        spec.commandLine()
                .getOut()
                .println("merged " + inputs.size() + " runs: " + s.rows() + " rows (" + s.duplicates()
                        + " duplicates dropped) -> " + s.out());
        return 0;
    }
}
