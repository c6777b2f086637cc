package org.leakbench.fl;

/** Receives every round of a run as it completes (for observation or logging). */
@FunctionalInterface
public interface RoundListener {
    void onRound(RoundRecord record);
}
