package org.leakbench.component;

/** How costly it is to change a parameter, which decides how points are grouped. */
public enum Tier {
    /** Changes the model, data or training: built once per group of points that share these values. */
    EXPENSIVE,
    /** An attack or defense knob swept over a shared expensive build. */
    CHEAP
}
