package org.leakbench.attack;

import org.leakbench.update.Observation;

/** An attack on one observed round. Implementations never throw on numerical trouble: they report it. */
public interface Attack {
    /** The name used in sweep files and result rows, e.g. "dlg". */
    String name();

    AttackResult run(Observation observation, AttackContext context);
}
