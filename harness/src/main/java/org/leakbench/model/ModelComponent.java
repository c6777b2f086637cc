package org.leakbench.model;

import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;

/**
 * A registered model architecture: its descriptor and the {@link ModelSpec} it builds for a data set's sample
 * shape and classes. To add one, extend this class with a public no-argument constructor and list it in
 * {@code META-INF/services/org.leakbench.component.Component}.
 */
public abstract class ModelComponent extends Component {
    protected ModelComponent(Descriptor descriptor) {
        super(descriptor);
        if (descriptor.kind() != ComponentKind.MODEL) {
            throw new IllegalArgumentException(descriptor.name() + " is a " + descriptor.kind() + ", not a model");
        }
    }

    /** The architecture for samples of {@code sampleShape} and {@code classes} classes, sized by {@code p}. */
    public abstract ModelSpec spec(ParameterView p, int[] sampleShape, int classes);
}
