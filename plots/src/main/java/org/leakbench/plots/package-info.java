/**
 * Figures and tables from one run folder ({@code results/<run-id>/}): reads {@code results.csv},
 * {@code provenance.json} and the optional {@code roc.csv}, {@code epsilon.csv}, {@code epsilon-steps.csv}, {@code jmh/*.json} and
 * {@code reconstructions/}, and writes {@code figures/} (PNG at 300 DPI and SVG, each with a caption strip
 * naming the run and backend), {@code tables/} (booktabs LaTeX and Markdown) and {@code report.md}. Every figure
 * is a {@link org.leakbench.plots.Drawing} (XChart panels placed on a page, with overlays such as point labels)
 * that {@link org.leakbench.plots.FigureWriter} paints once per format; the module's README lists the figures.
 * The entry point is {@link org.leakbench.plots.Plots#renderRun(java.nio.file.Path)}.
 * This module depends on no other LeakBench module, so the harness can call it.
 */
package org.leakbench.plots;
