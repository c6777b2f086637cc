/**
 * Privacy metrics that compare what an attack produced with the ground truth, after the attack has finished:
 * image distances ({@link org.leakbench.metric.ImageMetrics}: MSE, PSNR, SSIM), optimal matching of a
 * reconstructed batch to the true batch ({@link org.leakbench.metric.Hungarian},
 * {@link org.leakbench.metric.BatchMatching}) and the per-batch {@link org.leakbench.metric.ReconstructionScore},
 * label recovery ({@link org.leakbench.metric.LabelMetrics}), membership-inference ROC curves
 * ({@link org.leakbench.metric.RocCurve}), summary statistics over seeds (the schema module's
 * {@link org.leakbench.results.stats.Summary})
 * and PNG grids of sample reconstructions ({@link org.leakbench.metric.ImageGrid}).
 *
 * <p>Everything here works on plain {@code float[]}/{@code double[]} arrays and depends on no other harness
 * package. Images are flattened row-major {@code [channels, height, width]} arrays; pixel values are nominally in
 * {@code [0, range]} (usually {@code [0, 1]}).
 */
package org.leakbench.metric;
