package org.leakbench.bench;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.leakbench.defense.secagg.DropoutSchedule;
import org.leakbench.defense.secagg.Masking;
import org.leakbench.defense.secagg.MaskPrg;
import org.leakbench.defense.secagg.NeighbourGraph;
import org.leakbench.defense.secagg.ProtocolResult;
import org.leakbench.defense.secagg.Round;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SecAggServer;
import org.leakbench.defense.secagg.SecureAggregator;
import org.leakbench.defense.secagg.SessionParams;
import org.leakbench.defense.secagg.X25519;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of secure-aggregation masking.
 *
 * <ul>
 *   <li>{@code prg}: AES-128-CTR mask expansion (AES/ECB over counter blocks); the {@code bytes} counter is
 *       mask bytes per second. Default vectorLength 1e4, 1e5, 1e6; full grid adds 1e7
 *       ({@code -p vectorLength=10000,100000,1000000,10000000}).</li>
 *   <li>{@code maskedUpdate}: one client's whole round-2 step (self mask, one X25519 agreement + HKDF + PRG per
 *       neighbour) for n clients: n - 1 neighbours under SecAgg, 2 ceil(1.5 log2 n) under SecAgg+.
 *       Default clients 100, 1000; vectorLength 1e4 (shared {@code @Param}).</li>
 *   <li>{@code serverUnmask}: the server's final step (Shamir reconstruction of every survivor's self-mask seed
 *       and every dropped client's mask key, removal of all masks) with 10% of clients dropping before round 2.
 *       Default clients 100; full grid {@code -p clients=100,300,1000}. Setup runs the whole protocol once,
 *       which costs about 2 n^2 X25519 agreements under SecAgg (minutes at n = 1000).</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MaskingBench {

    /** Mask expansion: counts the bytes of mask produced. */
    @State(Scope.Thread)
    public static class PrgState {
        @Param({"10000", "100000", "1000000"})
        public int vectorLength;
        final MaskPrg prg = new MaskPrg();
        final byte[] seed = new byte[MaskPrg.SEED_BYTES];
        int[] target;

        @Setup
        public void setup() {
            new SecureRandom().nextBytes(seed);
            target = new int[vectorLength];
        }
    }

    /** Bytes of mask generated, reported per second by JMH. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] prg(PrgState s, Bytes counter) {
        s.prg.addMask(s.seed, s.target, 1);
        counter.bytes += 4L * s.target.length;
        return s.target;
    }

    /** One client (id 0) with its neighbours' advertised mask keys. */
    @State(Scope.Thread)
    public static class ClientState {
        @Param({"SECAGG", "SECAGG_PLUS"})
        public SecAggConfig.Mode mode;
        @Param({"100", "1000"})
        public int clients;
        @Param({"10000"})
        public int maskedLength;
        final MaskPrg prg = new MaskPrg();
        SessionParams params;
        KeyPair own;
        byte[] selfSeed = new byte[MaskPrg.SEED_BYTES];
        Map<Integer, byte[]> peers = new TreeMap<>();
        int[] input;

        @Setup
        public void setup() {
            SecureRandom random = new SecureRandom();
            SecAggConfig cfg = SecAggConfig.defaults(mode);
            NeighbourGraph graph = cfg.graph(clients, new SplittableRandom(1));
            params = new SessionParams(random.nextLong(), maskedLength, 32, cfg.thresholdFor(graph.groupSize()),
                    graph);
            own = X25519.generate(random);
            random.nextBytes(selfSeed);
            for (int v : graph.neighbours(0)) {
                peers.put(v, X25519.encodePublic(X25519.generate(random).getPublic()));
            }
            input = new int[maskedLength];
        }
    }

    @Benchmark
    public int[] maskedUpdate(ClientState s) {
        return Masking.maskInput(s.input, 0, s.selfSeed, s.own.getPrivate(), s.peers, s.params, s.prg);
    }

    /** A server holding every message of a finished session, ready to unmask again. */
    @State(Scope.Thread)
    public static class ServerState {
        @Param({"SECAGG", "SECAGG_PLUS"})
        public SecAggConfig.Mode serverMode;
        @Param({"100"})
        public int serverClients;
        @Param({"10000"})
        public int serverLength;
        SecAggServer server;

        @Setup
        public void setup() {
            List<int[]> inputs = new ArrayList<>();
            for (int u = 0; u < serverClients; u++) {
                inputs.add(new int[serverLength]);
            }
            int[] dropped = new int[serverClients / 10];
            for (int i = 0; i < dropped.length; i++) {
                dropped[i] = 10 * i + 1;
            }
            DropoutSchedule d = DropoutSchedule.none().dropBefore(Round.MASKED_INPUT, dropped);
            ProtocolResult r = new SecureAggregator().aggregateIntegers(inputs, SecAggConfig.defaults(serverMode),
                    d, 1);
            server = r.server();
        }
    }

    @Benchmark
    public int[] serverUnmask(ServerState s) {
        return s.server.closeUnmasking();
    }
}
