package org.leakbench.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DatasetComponent;
import org.leakbench.data.ImageShape;

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
            Optional<int[]> declared = dataset.sampleShape();
            if (declared.isPresent()) {
                String why = shape.refusal(dataset.name(), declared.get());
                if (why != null) {
                    problems.add(why);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", new ArrayList<>(problems)));
        }
    }
}
