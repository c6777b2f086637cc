package org.leakbench.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.leakbench.defense.dp.Accountant;
import org.leakbench.defense.dp.Accountants;
import org.leakbench.defense.dp.EpsilonEstimate;
import org.leakbench.defense.dp.PldAccountant;
import org.leakbench.defense.dp.PrvAccountant;
import org.leakbench.results.RunLayout;

/**
 * The table behind the ε-versus-steps figure, {@code epsilon-steps.csv} in the run folder: for each (σ, q, steps)
 * a DP point of the run used, ε at δ from every accountant (rdp, prv, pld, gdp) at a log-spaced range of step
 * counts around the run's, with PRV's lower bound ({@code epsilon_lower}). Written once per setting, whole
 * lines at a time; every accountant is listed whatever {@code dp.accountant} the run reports. So that a run's
 * accounting stays cheap, PRV runs here at an ε error of 0.05 (its bracket is reported, so nothing is hidden)
 * and PLD on a 10^-3 grid (pessimistic still; about 0.003 above the 10^-4 grid at 10^4 steps).
 */
final class EpsilonStepsTable {
    static final String HEADER = "accountant,sigma,sample_rate,steps,delta,epsilon,epsilon_lower,run_steps";
    /** Multiples of the run's steps: two decades below it and one above. */
    static final double[] FACTORS = {0.01, 0.03, 0.1, 0.3, 1, 3, 10};

    private static final Object LOCK = new Object();

    private EpsilonStepsTable() {}

    /** Adds the rows for (σ, q, steps) unless the file has them already; nothing for σ = 0 or no steps. */
    static void ensure(Path runFolder, double sigma, double q, long steps, double delta) throws IOException {
        if (!(sigma > 0) || steps < 1) {
            return;
        }
        String key = format(sigma) + "," + format(q) + "," + steps;
        synchronized (LOCK) {
            Path file = runFolder.resolve(RunLayout.EPSILON_STEPS);
            Set<String> done = new HashSet<>();
            boolean fresh = !Files.exists(file);
            if (!fresh) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] c = line.split(",", -1);
                    if (c.length == 8) {
                        done.add(c[1] + "," + c[2] + "," + c[7]);
                    }
                }
            }
            if (done.contains(key)) {
                return;
            }
            Set<Long> counts = new TreeSet<>();
            for (double f : FACTORS) {
                counts.add(Math.max(1, Math.round(f * steps)));
            }
            StringBuilder sb = new StringBuilder(fresh ? HEADER + "\n" : "");
            for (String name : Accountants.NAMES) {
                Accountant a = switch (name) {
                    case "pld" -> new PldAccountant(1e-3, false); // ε only: no optimistic bracket
                    case "prv" -> new PrvAccountant(0.05, PrvAccountant.DEFAULT_DELTA_ERROR_FRACTION);
                    default -> Accountants.named(name);
                };
                for (long s : counts) {
                    EpsilonEstimate e = a.epsilon(sigma, q, s, delta);
                    sb.append(name)
                            .append(',')
                            .append(format(sigma))
                            .append(',')
                            .append(format(q))
                            .append(',')
                            .append(s)
                            .append(',')
                            .append(format(delta))
                            .append(',')
                            .append(format(e.epsilon()))
                            .append(',')
                            .append(e.bracketed() ? format(e.lower()) : "")
                            .append(',')
                            .append(steps)
                            .append('\n');
                }
            }
            try (Writer w = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(sb.toString()); // one write: a kill leaves whole settings or none
            }
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
