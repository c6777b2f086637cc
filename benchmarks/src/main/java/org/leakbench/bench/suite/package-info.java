/**
 * The runner of the JMH suite: the {@code quick} and {@code paper} settings, which benchmarks and parameters
 * each runs, skipping backends this machine cannot start, and the files it leaves in a run folder
 * ({@code jmh/jmh.json}, the tidy {@code jmh/jmh.csv}, {@code jmh/flops.csv} and {@code jmh/settings.properties}),
 * plus the optional PyTorch reference timing ({@code jmh/torch.csv}).
 */
package org.leakbench.bench.suite;
