package org.leakbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.leakbench.plots.PlotReport;
import org.leakbench.results.RunLayout;
import picocli.CommandLine.Command;

/** {@code leakbench report RUN}: renders the run and prints its Markdown results table. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Render a run folder and print its results table (Markdown) to the terminal.")
public final class ReportCommand extends RunFolderRenderCommand {
    @Override
    void print(PlotReport report, PrintWriter out) throws IOException {
        Path table = report.runDir().resolve(RunLayout.TABLES).resolve("results.md");
        if (Files.exists(table)) {
            out.println(Files.readString(table));
        }
        out.println("full report: " + report.report());
    }
}
