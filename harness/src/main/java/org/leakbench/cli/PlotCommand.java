package org.leakbench.cli;

import java.io.PrintWriter;
import org.leakbench.plots.PlotReport;
import picocli.CommandLine.Command;

/** {@code leakbench plot RUN}: regenerates every figure, table and report.md of a run folder. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = "Regenerate figures (PNG + SVG), tables (LaTeX + Markdown) and report.md of a run folder.")
public final class PlotCommand extends RunFolderRenderCommand {
    @Override
    void print(PlotReport report, PrintWriter out) {
        printWritten(report, out);
        for (PlotReport.Skipped s : report.skipped()) {
            out.println("skipped " + s);
        }
        out.println("report: " + report.report());
    }
}
