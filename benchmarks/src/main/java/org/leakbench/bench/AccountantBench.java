package org.leakbench.bench;

import java.util.concurrent.TimeUnit;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.NoiseMultiplierSearch;
import org.leakbench.defense.dp.RdpAccountant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one ε computation over the default 151 orders (Opacus' reference point: σ = 1.5, q = 0.04, 2250 steps)
 * and of one noise-multiplier search (ε = 8, δ = 1e-5, q = 0.04, 2250 steps).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class AccountantBench extends RunLengthDefaults {
    final double sigma = 1.5;
    final double sampleRate = 0.04;
    final long steps = 2250;
    final double delta = 1e-5;

    @Benchmark
    public double epsilon() {
        return RdpAccountant.epsilon(sigma, sampleRate, steps, delta, Conversion.IMPROVED);
    }

    @Benchmark
    public double noiseMultiplierSearch() {
        return NoiseMultiplierSearch.find(8.0, delta, sampleRate, steps, Conversion.IMPROVED);
    }
}
