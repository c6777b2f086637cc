package org.leakbench.pipeline;

import java.util.List;
import java.util.Map;
import org.leakbench.attack.AttackResult;
import org.leakbench.results.Metric;
import org.leakbench.results.VictimColumns;

/**
 * What an attack's result may claim in a result row. A reconstruction attack that diverged (NaN or infinity in
 * its iterate or its output) measured nothing: scoring its output would record a low PSNR, which reads as "the
 * defense stopped the attack". So a diverged result gets status {@code diverged} and no leakage metrics, and a
 * failed one fails the point. An attack that claims {@code ok} but returns non-finite samples, or whose scores
 * come out non-finite, is diverged too.
 */
final class AttackOutcome {
    /** The leakage metrics of a reconstruction, blank in a diverged row. */
    static final List<String> LEAKAGE =
            VictimColumns.METRICS.stream().map(Metric::column).toList();

    private AttackOutcome() {}

    /**
     * The row status before scoring: {@code ok} when the output may be scored, else {@code diverged}.
     *
     * @throws IllegalStateException with the attack's reason when it failed
     */
    static String status(AttackResult r) {
        String s = status(r.status());
        return AttackResult.OK.equals(s) && !r.finiteSamples() ? AttackResult.DIVERGED : s;
    }

    /**
     * The row status for an attack status string: {@code ok} or {@code diverged}.
     *
     * @throws IllegalStateException with the attack's reason when it failed, or when it was stopped early
     *                               (cancelled or out of its time budget): a partial run is not a measurement,
     *                               and not a divergence either
     */
    static String status(String attackStatus) {
        if (attackStatus.startsWith("failed")) {
            throw new IllegalStateException(
                    attackStatus.startsWith("failed: ") ? attackStatus.substring("failed: ".length()) : attackStatus);
        }
        if (AttackResult.CANCELLED.equals(attackStatus) || AttackResult.TIMEOUT.equals(attackStatus)) {
            throw new IllegalStateException("attack stopped before it finished (" + attackStatus + ")");
        }
        return AttackResult.OK.equals(attackStatus) ? AttackResult.OK : AttackResult.DIVERGED;
    }

    /**
     * The final status: {@code status}, or {@code diverged} when a leakage value in {@code m} is NaN or
     * infinite; a diverged row keeps no leakage value.
     */
    static String settle(Map<String, Object> m, String status) {
        boolean nonFinite =
                LEAKAGE.stream().map(m::get).anyMatch(v -> v instanceof Number n && !Double.isFinite(n.doubleValue()));
        String s = nonFinite ? AttackResult.DIVERGED : status;
        if (!AttackResult.OK.equals(s)) {
            LEAKAGE.forEach(m::remove);
        }
        return s;
    }
}
