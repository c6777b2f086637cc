package org.leakbench.defense;

import org.leakbench.component.ParameterView;
import org.leakbench.model.ModelSpec;

/**
 * A defense that changes the victim's architecture ({@link org.leakbench.component.Capability#EXTENDS_MODEL}): the
 * pipeline builds every model of a point from the spec this returns, so the attacked victim, the clients of the
 * utility training and the model the attacker is handed all have the extension.
 */
public interface ModelExtension {
    /** {@code spec} extended as the point {@code point} asks. */
    ModelSpec extend(ModelSpec spec, ParameterView point);
}
