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

    /** The start of a sweep file: its name, seeds and the ejml backend, then {@code grids:} for the grids to follow. */
    public static String header(String name, String seeds) {
        return "name: " + name + "\nseeds: [" + seeds + "]\nbackend: ejml\ngrids:\n";
    }

    /** One grid over the smallest MLP (width 0.25, one hidden layer) on {@code dataset}; {@code keys} add its lines. */
    public static String mlpGrid(String dataset, String keys) {
        return "  - dataset: [" + dataset + "]\n"
                + "    model: [mlp]\n"
                + "    model.width: [0.25]\n"
                + "    model.depth: [1]\n"
                + keys.indent(4);
    }

    /** An {@link #mlpGrid} on Fashion-MNIST with one 7×7 image per victim batch; {@code keys} add its lines. */
    public static String fashionGrid(String keys) {
        return mlpGrid("fashion-mnist-subset", "batch: [1]\nimage: [7]\n" + keys);
    }

    /** A membership-inference {@link #mlpGrid} (tanh, 30 members, 5 epochs, loss attack) on the breast-cancer table. */
    public static String breastCancerGrid(String keys) {
        return mlpGrid(
                "breast-cancer",
                "model.activation: [tanh]\nmia.members: [30]\nmia.epochs: [5]\nattack: [mia-loss]\n" + keys);
    }

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
