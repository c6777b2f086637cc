package org.leakbench.model;

import java.util.ArrayList;
import java.util.List;

/** A model built from its spec, whose constructor lists the parameter shapes in the order logits reads them. */
abstract class SpecifiedModel implements Model {
    final ModelSpec spec;
    final List<ParamShape> shapes = new ArrayList<>();

    SpecifiedModel(ModelSpec spec) {
        this.spec = spec;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    @Override
    public List<ParamShape> parameterShapes() {
        return shapes;
    }
}
