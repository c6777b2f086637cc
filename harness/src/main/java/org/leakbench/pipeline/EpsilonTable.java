package org.leakbench.pipeline;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.leakbench.defense.dp.Accountant;
import org.leakbench.defense.dp.Accountants;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.RdpAccountant;
import org.leakbench.results.RunLayout;

/**
 * The accountant's table behind the ε-versus-σ figure, {@code epsilon.csv} in the run folder: for each
 * (sampling rate, steps) that a DP point of the run used, ε at δ over a grid of noise multipliers, at the
 * run's steps and at a tenth and ten times as many ({@code run_steps} names the configuration), by the run's
 * accountant ({@code dp.accountant}; the {@code conversion} column is RDP's conversion, or the accountant's name
 * for the others). Written once per configuration and accountant, whole lines at a time.
 */
final class EpsilonTable {
    static final String HEADER = "sigma,sample_rate,steps,delta,epsilon,conversion,run_steps,accountant";
    static final List<Double> SIGMAS = List.of(0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0);
    private static final Object LOCK = new Object();

    private EpsilonTable() {}

    /** Adds the rows for (q, steps) by RDP unless the file has them already. */
    static void ensure(Path runFolder, double q, long steps, double delta) throws IOException {
        ensure(runFolder, q, steps, delta, "rdp");
    }

    /** Adds the rows for (q, steps) by the named accountant unless the file has them already. */
    static void ensure(Path runFolder, double q, long steps, double delta, String accountant) throws IOException {
        String key = format(q) + "," + steps + "," + accountant;
        Accountant acc = accountant.equals("rdp") ? null : Accountants.named(accountant);
        synchronized (LOCK) {
            Path file = runFolder.resolve(RunLayout.EPSILON);
            Set<String> done = new HashSet<>();
            boolean fresh = !Files.exists(file);
            if (!fresh) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String[] c = line.split(",", -1);
                    if (c.length == 7) { // written before the accountant column: RDP's
                        done.add(c[1] + "," + c[6] + ",rdp");
                    } else if (c.length == 8) {
                        done.add(c[1] + "," + c[6] + "," + c[7]);
                    }
                }
            }
            if (done.contains(key)) {
                return;
            }
            StringBuilder sb = new StringBuilder(fresh ? HEADER + "\n" : "");
            for (long s : new long[] {Math.max(1, steps / 10), steps, steps * 10}) {
                for (double sigma : SIGMAS) {
                    double eps = acc == null
                            ? RdpAccountant.epsilon(sigma, q, s, delta, Conversion.IMPROVED)
                            : acc.epsilon(sigma, q, s, delta).epsilon();
                    sb.append(format(sigma))
                            .append(',')
                            .append(format(q))
                            .append(',')
                            .append(s)
                            .append(',')
                            .append(format(delta))
                            .append(',')
                            .append(format(eps))
                            .append(',')
                            .append(acc == null ? "improved" : accountant)
                            .append(',')
                            .append(steps)
                            .append(',')
                            .append(accountant)
                            .append('\n');
                }
            }
            try (Writer w = Files.newBufferedWriter(
                    file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                w.write(sb.toString()); // one write: a kill leaves whole configurations or none
            }
        }
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(e|$)", "$1");
    }
}
