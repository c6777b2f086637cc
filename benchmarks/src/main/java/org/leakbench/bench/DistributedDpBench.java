package org.leakbench.bench;

import java.security.SecureRandom;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.leakbench.defense.ddp.DdgCalibration;
import org.leakbench.defense.ddp.DdgCodec;
import org.leakbench.defense.ddp.DdgParameters;
import org.leakbench.defense.secagg.MaskPrg;
import org.leakbench.defense.secagg.Masking;
import org.leakbench.defense.secagg.NeighbourGraph;
import org.leakbench.defense.secagg.Quantizer;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SessionParams;
import org.leakbench.defense.secagg.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One client's cost of the distributed discrete Gaussian (Kairouz, Liu, Steinke 2021) against plain secure
 * aggregation, per round, for an update of {@code length} elements among {@code clients} clients:
 * <ul>
 *   <li>{@code plainClient}: what a client of plain secure aggregation does, Flower's quantisation
 *       ({@link Quantizer}) and its masking step ({@link Masking#maskInput}: self mask plus one mask per
 *       neighbour);</li>
 *   <li>{@code ddpClient}: the distributed discrete Gaussian's encoding ({@link DdgCodec#encode}: clip, rotation,
 *       conditional rounding, discrete Gaussian noise) and the same masking step over the padded vector;</li>
 *   <li>{@code encode} and {@code decode} alone (the server's decode of the sum: modular clipping, rescaling, the
 *       inverse rotation).</li>
 * </ul>
 * The ratio ddpClient / plainClient is the cost of distributed DP on top of secure aggregation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DistributedDpBench extends RunLengthDefaults {

    /** A client with its update, its neighbours' keys, and the calibrated encoder. */
    @State(Scope.Thread)
    public static class ClientState {
        @Param({"10000", "100000", "1000000"})
        public int length;

        @Param({"100"})
        public int clients;

        @Param({"SECAGG_PLUS", "SECAGG"})
        public SecAggConfig.Mode mode;

        final MaskPrg prg = new MaskPrg();
        final SplittableRandom random = new SplittableRandom(1);
        float[] update;
        DdgCodec codec;
        Quantizer quantizer;
        SessionParams plainSession;
        SessionParams ddpSession;
        byte[] own;
        byte[] selfSeed = new byte[MaskPrg.SEED_BYTES];
        Map<Integer, byte[]> peers = new TreeMap<>();
        int[] sum;

        @Setup
        public void setup() {
            update = new float[length];
            for (int i = 0; i < length; i++) {
                update[i] = (float) (random.nextGaussian() / Math.sqrt(length));
            }
            DdgParameters p = DdgCalibration.calibrate(
                    new DdgCalibration.Target(10, 1e-5, 100, 1.0, 16, 0, Math.exp(-0.5), 4, clients, length));
            codec = new DdgCodec(p, 7, DdgCodec.FAST);
            SecAggConfig cfg = SecAggConfig.defaults(mode);
            quantizer = new Quantizer(cfg.clippingRange(), cfg.quantizationRange());
            SecureRandom secure = new SecureRandom();
            NeighbourGraph graph = cfg.graph(clients, new SplittableRandom(1));
            int threshold = cfg.thresholdFor(graph.groupSize());
            plainSession = new SessionParams(secure.nextLong(), length, cfg.modulusBits(), threshold, graph);
            ddpSession = new SessionParams(secure.nextLong(), p.paddedLength(), p.bits(), threshold, graph);
            own = X25519.generatePrivate(secure);
            secure.nextBytes(selfSeed);
            for (int v : graph.neighbours(0)) {
                peers.put(v, X25519.publicKey(X25519.generatePrivate(secure)));
            }
            sum = codec.encode(update, random);
        }
    }

    @Benchmark
    public int[] plainClient(ClientState s) {
        int[] q = s.quantizer.quantize(s.update, s.random);
        return Masking.maskInput(q, 0, s.selfSeed, s.own, s.peers, s.plainSession, s.prg);
    }

    @Benchmark
    public int[] ddpClient(ClientState s) {
        int[] e = s.codec.encode(s.update, s.random);
        return Masking.maskInput(e, 0, s.selfSeed, s.own, s.peers, s.ddpSession, s.prg);
    }

    @Benchmark
    public int[] encode(ClientState s) {
        return s.codec.encode(s.update, s.random);
    }

    @Benchmark
    public float[] decode(ClientState s) {
        return s.codec.decodeSum(s.sum);
    }
}
