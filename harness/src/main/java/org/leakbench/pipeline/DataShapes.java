package org.leakbench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.data.DatasetComponent;
import org.leakbench.data.ImageShape;
import org.leakbench.model.ModelComponent;
import org.leakbench.model.Models;

/**
 * The {@code data.channels} and {@code data.size} of a point as an {@link ImageShape}, and the check that every
 * point's data set can take them, made before any point runs.
 */
final class DataShapes {
    private DataShapes() {}

    /** The image shape a point asks for. */
    static ImageShape of(ParameterView p) {
        return new ImageShape(p.intValue(ImageShape.CHANNELS), p.intValue(ImageShape.SIZE));
    }

    /**
     * Refuses, with one line per distinct problem, points whose data set cannot be given their image shape. Data
     * sets whose shape is unknown before loading are checked when they load.
     */
    static void check(List<? extends ParameterView> points) {
        Set<String> problems = new LinkedHashSet<>();
        for (ParameterView p : points) {
            ImageShape shape = of(p);
            if (shape.keepsAll()) {
                continue;
            }
            DatasetComponent dataset = ChosenComponents.dataset(p);
            Optional<int[]> declared = dataset.sampleShape(p);
            if (declared.isPresent()) {
                String why = shape.refusal(dataset.name(), declared.get());
                if (why != null) {
                    problems.add(why);
                }
            }
        }
        if (problems.isEmpty()) {
            modelFit(points, problems);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", new ArrayList<>(problems)));
        }
    }

    /**
     * Builds every distinct model of the points on its data set's sample shape (after data.channels and
     * data.size), so a model that does not fit the data (channels, image size, token windows) is refused before
     * the sweep starts rather than point by point, and so is an attack that cannot run on the model's token
     * windows ({@link TokenSamples}). The class count does not decide whether a model fits, so a
     * stand-in of 10 is used; a data set whose shape is only known once loaded is checked when it loads.
     */
    private static void modelFit(List<? extends ParameterView> points, Set<String> problems) {
        Set<String> seen = new java.util.HashSet<>();
        for (ParameterView p : points) {
            DatasetComponent dataset = ChosenComponents.dataset(p);
            Optional<int[]> declared = dataset.sampleShape(p);
            ModelComponent model = ChosenComponents.model(p);
            if (declared.isEmpty()) {
                continue;
            }
            int[] shape = of(p).shapeOf(declared.get());
            String key =
                    dataset.name() + java.util.Arrays.toString(shape) + "|" + model.name() + "|" + p.string("attack")
                            + "|" + p.string("defense") + "|" + BatchNormPriorCheck.key(p) + "|"
                            + model.descriptor().ownParameters().stream()
                                    .map(s -> s.name() + "=" + p.string(s.name()))
                                    .toList();
            if (!seen.add(key)) {
                continue;
            }
            try {
                if (model.needs(Requirement.IMAGE_DATA) && shape.length != 3) {
                    throw new IllegalArgumentException("it needs images [channels, height, width]");
                }
                org.leakbench.model.Model built = Models.build(model.spec(p, shape, 10));
                try {
                    TokenSamples.checkAttack(ChosenComponents.attack(p), p, dataset, shape, built);
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
                org.leakbench.defense.DefenseComponent defense = ChosenComponents.defense(p);
                if (defense.does(org.leakbench.component.Capability.CLIPS_PER_EXAMPLE_IN_CLIENT)
                        && !built.bufferShapes().isEmpty()) {
                    // Opacus refuses BatchNorm for the same reason: batch statistics mix the examples it clips.
                    problems.add("defense " + defense.name() + " clips per-example gradients, but model "
                            + model.name() + " uses BatchNorm, whose batch statistics mix the examples; set "
                            + "model.norm: group");
                }
                String batchDefense = BatchDefenseCheck.refusal(p, built);
                if (batchDefense != null) {
                    problems.add(batchDefense);
                }
                String noBatchNorm = BatchNormPriorCheck.refusal(p, built);
                if (noBatchNorm != null) {
                    problems.add(noBatchNorm);
                }
            } catch (IllegalArgumentException e) {
                problems.add("model " + model.name() + " does not fit data set " + dataset.name()
                        + " (samples of shape " + java.util.Arrays.toString(shape) + "): " + e.getMessage());
            }
        }
    }
}
