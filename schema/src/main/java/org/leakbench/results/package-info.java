/**
 * The results schema of a LeakBench run folder, shared by the code that writes run folders (the harness) and the
 * code that reads them (the plots, the benchmarks): the {@code results.csv} columns ({@link
 * org.leakbench.results.ResultColumns}) and the metrics among them with their units and directions ({@link
 * org.leakbench.results.Metric}), the provenance record ({@link org.leakbench.results.ProvenanceFile}), the
 * files and folders of a run ({@link org.leakbench.results.RunLayout}) and the units of JMH scores ({@link
 * org.leakbench.results.JmhUnits}). It depends on no other LeakBench module.
 */
package org.leakbench.results;
