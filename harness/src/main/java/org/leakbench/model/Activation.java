package org.leakbench.model;

import java.util.Locale;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;

/** Hidden-layer nonlinearity. DLG needs a twice-differentiable one (sigmoid or tanh). */
public enum Activation {
    SIGMOID,
    TANH,
    RELU;

    public Var apply(Var x) {
        return switch (this) {
            case SIGMOID -> Ops.sigmoid(x);
            case TANH -> Ops.tanh(x);
            case RELU -> Ops.relu(x);
        };
    }

    public static Activation parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown activation '" + s + "'; choose sigmoid, tanh or relu");
        }
    }
}
