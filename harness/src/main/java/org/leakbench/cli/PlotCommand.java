package org.leakbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leakbench.plots.PlotReport;
import org.leakbench.plots.Plots;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code leakbench plot RUN}: regenerates every figure, table and report.md of a run folder. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Regenerate figures (PNG + SVG), tables (LaTeX + Markdown) and report.md of a run folder.")
public final class PlotCommand implements Callable<Integer> {
    @Parameters(index = "0", defaultValue = "results/latest",
            description = "Run folder, or results/latest (a link or a file naming the run). Default: ${DEFAULT-VALUE}.")
    Path run;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PlotReport report = Plots.renderRun(run);
        var out = spec.commandLine().getOut();
        out.printf("%d figures, %d tables written to %s%n", report.figures().size(), report.tables().size(),
                report.runDir());
        for (PlotReport.Skipped s : report.skipped()) {
            out.println("skipped " + s);
        }
        out.println("report: " + report.report());
        return 0;
    }
}
