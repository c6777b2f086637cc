package org.leakbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leakbench.plots.PlotReport;
import org.leakbench.plots.Plots;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakbench report RUN}: renders the run and prints its Markdown results table. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Render a run folder and print its results table (Markdown) to the terminal.")
public final class ReportCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "results/latest", description = "Run folder. Default: ${DEFAULT-VALUE}.")
    Path run;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlotReport report = Plots.renderRun(run);
        var out = spec.commandLine().getOut();
        Path table = report.runDir().resolve(RunLayout.TABLES).resolve("results.md");
        if (Files.exists(table)) {
            out.println(Files.readString(table));
        }
        out.println("full report: " + report.report());
        return 0;
    }
}
