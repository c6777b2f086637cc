package org.leakbench.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * L-BFGS iterates against PyTorch's {@code torch.optim.LBFGS(line_search_fn="strong_wolfe")}, whose
 * algorithm and defaults Lbfgs follows (first step min(1, 1/‖g‖₁)·lr, H0 = s'y/y'y·I, pairs kept when
 * s'y > 1e-10, the same bracketing and cubic interpolation). The table {@code lbfgs_reference.txt} was
 * written by {@code lbfgs_reference.py} next to it (PyTorch 1.13, float64).
 */
class LbfgsReferenceTest {
    private record Row(String function, int dimension, int iterations, double[] x, double value, int history) {}

    /** ½Σ c_i(x_i − i − 1)² with c_i = 10^(i/3), as in the script. */
    private static double quadratic10(double[] x, double[] g) {
        double f = 0;
        for (int i = 0; i < 10; i++) {
            double c = Math.pow(10, i / 3.0);
            double e = x[i] - (i + 1);
            g[i] = c * e;
            f += 0.5 * c * e * e;
        }
        return f;
    }

    @Test
    void iteratesMatchPyTorchOnRosenbrockAndQuadratics() throws IOException {
        List<Row> rows = readTable();
        assertTrue(rows.size() >= 20, "reference table has " + rows.size() + " rows");
        for (Row row : rows) {
            Objective f = switch (row.function()) {
                case "rosenbrock" -> TestObjectives::rosenbrock;
                case "quadratic" -> TestObjectives.quadratic(new double[][] {{4, 1}, {1, 3}}, new double[] {1, 2});
                case "quadratic10" -> LbfgsReferenceTest::quadratic10;
                default -> throw new IllegalStateException("unknown function in reference table: " + row.function());
            };
            double[] start = row.function().equals("rosenbrock")
                    ? TestObjectives.rosenbrockStart(row.dimension())
                    : new double[row.dimension()];
            LbfgsOptions options = row.function().equals("quadratic10")
                    ? new LbfgsOptions(row.iterations(), row.history(), 1, 1e-9, 0)
                    : LbfgsOptions.iterations(row.iterations());
            OptimResult r = new Lbfgs(options).minimize(f, start, () -> false);
            String where = row.function() + " n=" + row.dimension() + " k=" + row.iterations() + " m=" + row.history();
            assertEquals(row.iterations(), r.iterations(), where);
            // The paths agree to rounding; 1e-8 leaves room for the different summation order.
            assertTrue(TestObjectives.maxAbsDiff(row.x(), r.x()) < 1e-8, where);
            assertEquals(row.value(), r.value(), 1e-8 * Math.max(1, Math.abs(row.value())), where);
        }
    }

    private static List<Row> readTable() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = LbfgsReferenceTest.class.getResourceAsStream("lbfgs_reference.txt")) {
            assertNotNull(in, "lbfgs_reference.txt missing from test resources");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] p = line.trim().split("\\s+", -1);
                int n = Integer.parseInt(p[1]);
                double[] x = new double[n];
                for (int i = 0; i < n; i++) {
                    x[i] = Double.parseDouble(p[3 + i]);
                }
                int history = p.length > 4 + n ? Integer.parseInt(p[4 + n]) : 100;
                rows.add(new Row(p[0], n, Integer.parseInt(p[2]), x, Double.parseDouble(p[3 + n]), history));
            }
        }
        return rows;
    }
}
