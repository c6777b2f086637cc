package org.leakbench.component;

import java.util.Locale;

/** The families of components a sweep point chooses one of each. */
public enum ComponentKind {
    /** What tries to learn private data from what it observes. */
    ATTACK,
    /** What a client or the server does to limit leakage. */
    DEFENSE,
    /** The victim's model architecture. */
    MODEL,
    /** The data the victim trains on. */
    DATASET;

    /** The sweep parameter that names the chosen component: {@code attack}, {@code defense}, ... */
    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sweep parameter holding the chosen component's main parameter ({@code defense.param}). */
    public String mainSlot() {
        return parameter() + ".param";
    }

    /** The sweep parameter holding the chosen component's clipping norm ({@code defense.clip}). */
    public String clipSlot() {
        return parameter() + ".clip";
    }
}
