package org.leakbench.bench;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.leakbench.defense.compress.QuantizationOptions;
import org.leakbench.defense.compress.SignCompression;
import org.leakbench.defense.compress.SparsificationOptions;
import org.leakbench.defense.compress.StochasticQuantization;
import org.leakbench.defense.compress.TopKCompression;
import org.leakbench.update.Update;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of compressing one update on the client: top-k selection (expected linear quickselect plus a
 * mask pass), stochastic quantisation and sign compression, for updates of 10^4 to 10^6 entries (DLG's
 * LeNet has about 7·10^4 parameters, an MLP on Fashion-MNIST 2·10^5 to 10^6).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompressionBench extends RunLengthDefaults {
    @Param({"10000", "100000", "1000000"})
    int size;

    @Param({"0.01"})
    double topkFraction;

    @Param({"8"})
    int bits;

    private Update update;
    private TopKCompression topK;
    private StochasticQuantization quantization;
    private SignCompression sign;
    private SplittableRandom rng;

    @Setup
    public void setup() {
        SplittableRandom data = new SplittableRandom(1);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) data.nextGaussian();
        }
        update = new Update(List.of(v), List.of(new int[] {size}), Update.Kind.GRADIENT, 1, 1.0);
        topK = new TopKCompression(new SparsificationOptions(topkFraction, false));
        quantization = new StochasticQuantization(new QuantizationOptions(bits));
        sign = new SignCompression();
        rng = new SplittableRandom(2);
    }

    @Benchmark
    public Update topK() {
        return topK.apply(update, rng);
    }

    @Benchmark
    public Update quantize() {
        return quantization.apply(update, rng);
    }

    @Benchmark
    public Update sign() {
        return sign.apply(update, rng);
    }
}
