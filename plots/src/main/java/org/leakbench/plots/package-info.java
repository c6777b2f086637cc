/**
 * Figures and tables from one run folder ({@code results/<run-id>/}): reads {@code results.csv},
 * {@code provenance.json} and the optional {@code roc.csv}, {@code epsilon.csv} and {@code jmh/*.json},
 * and writes {@code figures/} (PNG at 300 DPI and SVG), {@code tables/} (booktabs LaTeX and Markdown) and
 * {@code report.md}. The entry point is {@link org.leakbench.plots.Plots#renderRun(java.nio.file.Path)}.
 * This module depends on no other LeakBench module, so the harness can call it.
 */
package org.leakbench.plots;
