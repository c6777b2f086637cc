package org.leakbench.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark of the backend comparison: its own state per thread, every operation timed, in microseconds.
 *
 * <p>Sample mode times every operation; the comparison table quotes the median, which a busy machine's
 * stalls barely move and which is what the PyTorch reference reports.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class SampledBenchmark extends RunLengthDefaults {}
