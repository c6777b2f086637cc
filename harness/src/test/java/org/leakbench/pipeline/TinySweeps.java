package org.leakbench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.leakbench.results.ResultTable;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.PointExecutor;
import org.leakbench.sweep.RunOptions;
import org.leakbench.sweep.RunSummary;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepRunner;

/** Runs a small sweep written in a test into a run folder, through the real pipeline or a given executor. */
public final class TinySweeps {
    private TinySweeps() {}

    /** The sweep of a YAML text over the default parameters; {@code file} names it in error messages. */
    public static Sweep parse(String yaml, String file) {
        return new SweepParser(ParameterRegistry.defaults()).parse(yaml, file);
    }

    /** Runs the sweep through the real pipeline into {@code results/runId}, {@code threads} points at once. */
    public static RunSummary run(Sweep sweep, Path results, String runId, int threads) throws IOException {
        return run(sweep, new PipelineFactory().create(sweep), results, runId, threads);
    }

    /** Runs the sweep through {@code executor}, which it closes afterwards, into {@code results/runId}. */
    public static RunSummary run(Sweep sweep, PointExecutor executor, Path results, String runId, int threads)
            throws IOException {
        try (executor) {
            return new SweepRunner(
                            sweep, executor, RunOptions.defaults(results, runId).withThreads(threads))
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) { // only closing the executor declares more
            throw new IllegalStateException(e);
        }
    }

    /** One file of the run folder {@code results/runId} as a table ({@code file} as in the run layout). */
    public static ResultTable read(Path results, String runId, String file) throws IOException {
        return ResultTable.read(results.resolve(runId).resolve(file));
    }
}
