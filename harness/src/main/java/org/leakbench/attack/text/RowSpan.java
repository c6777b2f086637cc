package org.leakbench.attack.text;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The row space of a matrix G [m, d] as an orthonormal basis, from its singular value decomposition (EJML), and
 * the distance of a vector to it. Rounding noise of relative size ε (float32 or float64) in every entry has a
 * spectral norm near σ_max · (√m + √d) · ε, as a random matrix of that shape; the numerical rank ends at the first
 * drop of {@link #GAP}× or more that falls to that level, else at that level. A fixed cut such as LAPACK's
 * σ_max · max(m, d) · ε is too coarse for a weight gradient: the loss reads only the last position, so rows of
 * earlier positions enter with small coefficients and their singular values reach down to 1e-6 σ_max in
 * float32 while the noise stays near 3e-8 σ_max; cutting them out of the basis put true prefixes outside the
 * span, and DAGER recovered nothing at batch 8.
 */
final class RowSpan {
    /** The drop between consecutive singular values that separates signal from rounding noise. */
    static final double GAP = 10;

    private final double[][] basis;
    private final int dimension;

    private RowSpan(double[][] basis, int dimension) {
        this.basis = basis;
        this.dimension = dimension;
    }

    /**
     * @param g       the matrix, row-major, m·d values
     * @param rows    m
     * @param columns d
     * @param epsilon the machine precision the values were computed in
     */
    static RowSpan of(double[] g, int rows, int columns, double epsilon) {
        if (g.length != rows * columns) {
            throw new IllegalArgumentException(
                    "row span: " + g.length + " values for a [" + rows + ", " + columns + "] matrix");
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(rows, columns, false, true, true);
        if (!svd.decompose(new DMatrixRMaj(rows, columns, true, g))) {
            throw new IllegalStateException("row span: the singular value decomposition did not converge");
        }
        double[] sigma = svd.getSingularValues();
        int k = svd.numberOfSingularValues();
        double max = 0;
        for (int i = 0; i < k; i++) {
            max = Math.max(max, sigma[i]);
        }
        double tolerance = max * (Math.sqrt(rows) + Math.sqrt(columns)) * epsilon;
        DMatrixRMaj vt = svd.getV(null, true); // [k, d]: rows are right singular vectors
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(sigma[b], sigma[a]));
        int rank = max > 0 ? numericalRank(order, sigma, tolerance) : 0;
        double[][] basis = new double[rank][];
        int at = 0;
        for (int r = 0; r < rank; r++) {
            basis[at] = new double[columns];
            for (int j = 0; j < columns; j++) {
                basis[at][j] = vt.get(order[r], j);
            }
            at++;
        }
        return new RowSpan(basis, columns);
    }

    /**
     * The number of singular values (sorted by {@code order}, largest first) above the first gap of at least
     * {@link #GAP} whose lower side is at the noise level; without such a gap, those above the tolerance.
     */
    private static int numericalRank(Integer[] order, double[] sigma, double tolerance) {
        for (int r = 0; r + 1 < order.length; r++) {
            double above = sigma[order[r]];
            double below = sigma[order[r + 1]];
            if (below <= tolerance && above >= GAP * below) {
                return r + 1;
            }
        }
        int rank = 0;
        while (rank < order.length && sigma[order[rank]] > tolerance) {
            rank++;
        }
        return rank;
    }

    /** The numerical rank: the dimension of the span. */
    int rank() {
        return basis.length;
    }

    /** Whether the span is the whole space, where no vector can be told apart by it. */
    boolean full() {
        return basis.length >= dimension;
    }

    /** ‖z − P z‖ / ‖z‖ for the orthogonal projection P onto the span; 1 for the zero vector (nothing to test). */
    double relativeDistance(double[] z) {
        if (z.length != dimension) {
            throw new IllegalArgumentException("row span: vector of " + z.length + " values, span in R^" + dimension);
        }
        double norm2 = 0;
        for (double v : z) {
            norm2 += v * v;
        }
        if (norm2 == 0) {
            return 1;
        }
        double inside = 0;
        for (double[] b : basis) {
            double c = 0;
            for (int j = 0; j < dimension; j++) {
                c += b[j] * z[j];
            }
            inside += c * c;
        }
        return Math.sqrt(Math.max(0, norm2 - inside) / norm2);
    }
}
