package org.leakbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leakbench.plots.PlotReport;
import org.leakbench.plots.Plots;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** A command that renders the figures, tables and report of one run folder and then prints what it made. */
abstract class RunFolderRenderCommand implements Callable<Integer> {
    @Parameters(
            index = "0",
            defaultValue = "results/latest",
            description = "Run folder, or results/latest (a link or a file naming the run). Default: ${DEFAULT-VALUE}.")
    Path run;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        PlotReport report = Plots.renderRun(run);
        print(report, spec.commandLine().getOut());
        return 0;
    }

    /** What the command shows of the rendered run. */
    abstract void print(PlotReport report, PrintWriter out) throws Exception;

    /** The one-line count of what a rendering wrote, and where. */
    static void printWritten(PlotReport report, PrintWriter out) {
        out.printf(
                "%d figures, %d tables written to %s%n",
                report.figures().size(), report.tables().size(), report.runDir());
    }
}
