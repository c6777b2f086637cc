package org.leakbench.bench;

import java.util.concurrent.TimeUnit;
import org.leakbench.defense.dp.Conversion;
import org.leakbench.defense.dp.GdpAccountant;
import org.leakbench.defense.dp.NoiseMultiplierSearch;
import org.leakbench.defense.dp.PldAccountant;
import org.leakbench.defense.dp.PrvAccountant;
import org.leakbench.defense.dp.RdpAccountant;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Time of one ε computation over the default 151 orders (Opacus' reference point: σ = 1.5, q = 0.04, 2250 steps)
 * and of one noise-multiplier search (ε = 8, δ = 1e-5, q = 0.04, 2250 steps); and of one ε for 10^4 steps
 * (σ = 1, q = 0.01, δ = 1e-5) by each accountant: RDP, PRV at Opacus' ε error 0.01 and at 0.1, PLD at
 * dp_accounting's grid step 10^-4 and at 10^-3 (without its optimistic lower bound, as sweeps run it), GDP.
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

    final long longSteps = 10_000;
    final double longSigma = 1.0;
    final double longRate = 0.01;
    final PrvAccountant prv = new PrvAccountant();
    final PrvAccountant prvCoarse = new PrvAccountant(0.1, PrvAccountant.DEFAULT_DELTA_ERROR_FRACTION);
    final PldAccountant pld = new PldAccountant(PldAccountant.DEFAULT_INTERVAL, false);
    final PldAccountant pldCoarse = new PldAccountant(1e-3, false);
    final GdpAccountant gdp = new GdpAccountant();

    @Benchmark
    public double rdp10k() {
        return RdpAccountant.epsilon(longSigma, longRate, longSteps, delta, Conversion.IMPROVED);
    }

    @Benchmark
    public double prv10k() {
        return prv.epsilon(longSigma, longRate, longSteps, delta).epsilon();
    }

    @Benchmark
    public double prv10kEpsError01() {
        return prvCoarse.epsilon(longSigma, longRate, longSteps, delta).epsilon();
    }

    @Benchmark
    public double pld10k() {
        return pld.epsilon(longSigma, longRate, longSteps, delta).epsilon();
    }

    @Benchmark
    public double pld10kInterval1e3() {
        return pldCoarse.epsilon(longSigma, longRate, longSteps, delta).epsilon();
    }

    @Benchmark
    public double gdp10k() {
        return gdp.epsilon(longSigma, longRate, longSteps, delta).epsilon();
    }

    @Benchmark
    public double noiseMultiplierSearch() {
        return NoiseMultiplierSearch.find(8.0, delta, sampleRate, steps, Conversion.IMPROVED);
    }
}
