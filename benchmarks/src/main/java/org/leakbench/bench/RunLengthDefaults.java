package org.leakbench.bench;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The run length every benchmark here starts from: one fork, three warm-up and five measured iterations of one
 * second. JMH reads these annotations from a benchmark's superclasses; the suite runner overrides them for its
 * quick and paper settings, so they only apply when JMH runs a benchmark directly.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public abstract class RunLengthDefaults {}
