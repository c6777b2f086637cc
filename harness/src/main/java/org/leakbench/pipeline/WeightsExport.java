package org.leakbench.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DatasetComponent;
import org.leakbench.model.io.InitialWeights;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backends;

/**
 * Writes the starting state a sweep point's victim gets from LeakBench's seeded initialisation (parameters and
 * BatchNorm running statistics) as a PyTorch {@code state_dict} in safetensors, so that it can be edited in
 * PyTorch and given back through {@code model.init}. The model is the one the pipeline builds for the point:
 * same data set (its class count decides the output layer), same image shape, same seed.
 */
public final class WeightsExport {
    private WeightsExport() {}

    /** Writes the state of the one point of {@code sweep} at its first seed to {@code out}; returns a summary. */
    public static String export(Sweep sweep, Path out) {
        List<SweepPoint> points = sweep.points();
        long seeds = points.stream().map(SweepPoint::pointId).distinct().count();
        if (seeds != 1 || sweep.seeds().size() != 1) {
            throw new IllegalArgumentException("weights export needs one model and one seed, got " + points.size()
                    + " points over " + sweep.seeds().size() + " seeds");
        }
        SweepPoint p = points.get(0);
        if (ModelInit.isSet(p)) {
            throw new IllegalArgumentException(
                    ModelInit.PARAMETER + " is set: export writes LeakBench's seeded initialisation, not a copy");
        }
        DatasetComponent dataset = ChosenComponents.dataset(p);
        DataSplit data = DataShapes.of(p).apply(dataset.load(DataDirectory.get(), p));
        CaseBuilder.Start start =
                CaseBuilder.start(p, data, Backends.get(sweep.backend()), new SplittableRandom(p.seed()));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put("leakbench.model", start.model().spec().label());
        meta.put("leakbench.dataset", dataset.name());
        meta.put("leakbench.seed", Long.toString(p.seed()));
        InitialWeights weights = new InitialWeights(start.params(), start.buffers());
        weights.save(start.model(), out, meta);
        return "wrote " + out + ": " + start.model().spec().label() + " on " + dataset.name() + " ("
                + start.model().parameterCount() + " parameters, "
                + start.model().bufferShapes().size()
                + " running statistics), seed " + p.seed();
    }
}
