/**
 * Sweeps: YAML sweep files validated against one {@link org.leakbench.sweep.ParameterRegistry}, their expansion
 * into ordered {@link org.leakbench.sweep.SweepPoint}s grouped by expensive parameters, the
 * {@link org.leakbench.sweep.SweepRunner} that runs them through a {@link org.leakbench.sweep.PointExecutor}
 * with time limits and failure isolation, the append-only resumable {@code results.csv}, provenance, sharding,
 * merging and budget audits. The file format is described in {@code SWEEPS.md} at the root of the harness module.
 */
package org.leakbench.sweep;
