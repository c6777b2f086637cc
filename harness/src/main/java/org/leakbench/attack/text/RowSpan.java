package org.leakbench.attack.text;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The row space of a matrix G [m, d] as an orthonormal basis, from its singular value decomposition (EJML), and
 * the distance of a vector to it. The numerical rank counts the singular values above σ_max · max(m, d) · ε, the
 * usual tolerance for a matrix stored with machine precision ε (float32 or float64 gradients).
 */
final class RowSpan {
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
        double tolerance = max * Math.max(rows, columns) * epsilon;
        DMatrixRMaj vt = svd.getV(null, true); // [k, d]: rows are right singular vectors
        int rank = 0;
        for (int i = 0; i < k; i++) {
            rank += sigma[i] > tolerance && max > 0 ? 1 : 0;
        }
        double[][] basis = new double[rank][];
        int at = 0;
        for (int i = 0; i < k; i++) {
            if (sigma[i] > tolerance && max > 0) {
                basis[at] = new double[columns];
                for (int j = 0; j < columns; j++) {
                    basis[at][j] = vt.get(i, j);
                }
                at++;
            }
        }
        return new RowSpan(basis, columns);
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
