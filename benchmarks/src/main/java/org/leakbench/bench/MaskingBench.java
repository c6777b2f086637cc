package org.leakbench.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.leakbench.defense.secagg.MaskPrg;
import org.leakbench.defense.secagg.Masking;
import org.leakbench.defense.secagg.NeighbourGraph;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SecAggServer;
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
 *   <li>{@code prg}: AES-128-CTR mask expansion as the protocol runs it ({@link MaskPrg} on the route this JVM
 *       chose: the JDK's AES/CTR where it runs on AVX-512 VAES, else the system's OpenSSL where it can; the
 *       suite's {@code -Dleakbench.maskprg} forces one; key stream added in place in 16 KiB chunks); {@code prgFill} the same
 *       generator writing the mask without the add (pure expansion); {@code prgJdkCtr} the same on the
 *       JDK's counter-mode route and {@code prgFallback} on the pure-JDK fallback route; the
 *       {@code bytes} counter is mask bytes per second. For reference, {@code jdkAesCtr} and {@code jdkAesEcb}
 *       produce the same amount of raw key stream with the JDK's {@code AES/CTR/NoPadding} and
 *       {@code AES/ECB/NoPadding} (one call, no add); the suite adds OpenSSL's rate on the same machine.
 *       vectorLength 1e4 to 1e7.</li>
 *   <li>{@code maskedUpdate}: one client's whole round-2 step (self mask, one X25519 agreement + HKDF + PRG per
 *       neighbour) for n clients: n - 1 neighbours under SecAgg, 2 ceil(1.5 log2 n) under SecAgg+.
 *       clients 100, 1000; maskedLength 1e4, 1e5, 1e6 (quick: 1e4, 1e5).</li>
 *   <li>{@code serverUnmask}: the server's final step (Shamir reconstruction of every survivor's self-mask seed
 *       and every dropped client's mask key, removal of all masks) with a fraction {@code dropout} of clients
 *       dropping before round 2. Setup runs the whole protocol once at one coordinate and replays its messages
 *       into a server for serverLength coordinates ({@link UnmaskingSession}), so that the clients' n^2 mask
 *       expansions are not paid at setup; the session still costs about 2 n^2 X25519 agreements and n Shamir
 *       splits among n holders under SecAgg, minutes at n = 1000, so the suite's quick mode stays at n = 100
 *       and n = 1000 is measured in paper mode.</li>
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MaskingBench extends RunLengthDefaults {

    /** Mask expansion: counts the bytes of mask produced. */
    @State(Scope.Thread)
    public static class PrgState {
        @Param({"10000", "100000", "1000000", "10000000"})
        public int vectorLength;

        final MaskPrg prg = new MaskPrg();
        final MaskPrg jdkCtr = MaskPrg.onRoute("ctr");
        final MaskPrg fallback = MaskPrg.onRoute("ecb");
        final byte[] seed = new byte[MaskPrg.SEED_BYTES];
        int[] target;
        byte[] zeros;
        byte[] stream;
        Cipher ctr;
        Cipher ecb;

        @Setup
        public void setup() throws GeneralSecurityException {
            new SecureRandom().nextBytes(seed);
            target = new int[vectorLength];
            zeros = new byte[4 * vectorLength]; // a multiple of 16 bytes for every length above
            stream = new byte[zeros.length];
            SecretKeySpec key = new SecretKeySpec(seed, "AES");
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[16]));
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
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
        return addMask(s.prg, s, counter);
    }

    /**
     * Pure mask expansion: the same generator writing PRG(seed) into the int[] without reading it, the figure
     * comparable with OpenSSL's key-stream-only rate (the add in {@link #prg} also reads and writes the target).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] prgFill(PrgState s, Bytes counter) {
        s.prg.fill(s.seed, s.target);
        counter.bytes += 4L * s.target.length;
        return s.target;
    }

    /**
     * The JDK's counter-mode route: the one {@link #prg} takes where the intrinsic runs on AVX-512 VAES, and
     * elsewhere where the native libcrypto route is missing.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] prgJdkCtr(PrgState s, Bytes counter) {
        return addMask(s.jdkCtr, s, counter);
    }

    /** The pure-JDK fallback route (AES/ECB over counter blocks), taken where the CTR intrinsic is missing. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public int[] prgFallback(PrgState s, Bytes counter) {
        return addMask(s.fallback, s, counter);
    }

    private static int[] addMask(MaskPrg prg, PrgState s, Bytes counter) {
        prg.addMask(s.seed, s.target, 1);
        counter.bytes += 4L * s.target.length;
        return s.target;
    }

    /**
     * The JDK's AES/CTR key stream over the same number of bytes in one call per operation, as a naive caller
     * would use it (encrypting zeros gives the key stream): with few calls its loop may never be compiled with the intrinsic.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] jdkAesCtr(PrgState s, Bytes counter) throws GeneralSecurityException {
        return keyStream(s.ctr, s, counter);
    }

    /** The JDK's AES/ECB over the same number of bytes: the cipher cost alone, without counters or the add. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public byte[] jdkAesEcb(PrgState s, Bytes counter) throws GeneralSecurityException {
        return keyStream(s.ecb, s, counter);
    }

    /** Encrypting zeros gives the cipher's key stream. */
    private static byte[] keyStream(Cipher cipher, PrgState s, Bytes counter) throws GeneralSecurityException {
        cipher.update(s.zeros, 0, s.zeros.length, s.stream, 0);
        counter.bytes += s.zeros.length;
        return s.stream;
    }

    /** One client (id 0) with its neighbours' advertised mask keys. */
    @State(Scope.Thread)
    public static class ClientState {
        @Param({"SECAGG", "SECAGG_PLUS"})
        public SecAggConfig.Mode mode;

        @Param({"100", "1000"})
        public int clients;

        @Param({"10000", "100000", "1000000"})
        public int maskedLength;

        final MaskPrg prg = new MaskPrg();
        SessionParams params;
        byte[] own;
        byte[] selfSeed = new byte[MaskPrg.SEED_BYTES];
        Map<Integer, byte[]> peers = new TreeMap<>();
        int[] input;

        @Setup
        public void setup() {
            SecureRandom random = new SecureRandom();
            SecAggConfig cfg = SecAggConfig.defaults(mode);
            NeighbourGraph graph = cfg.graph(clients, new SplittableRandom(1));
            params = new SessionParams(random.nextLong(), maskedLength, 32, cfg.thresholdFor(graph.groupSize()), graph);
            own = X25519.generatePrivate(random);
            random.nextBytes(selfSeed);
            for (int v : graph.neighbours(0)) {
                peers.put(v, X25519.publicKey(X25519.generatePrivate(random)));
            }
            input = new int[maskedLength];
        }
    }

    @Benchmark
    public int[] maskedUpdate(ClientState s) {
        return Masking.maskInput(s.input, 0, s.selfSeed, s.own, s.peers, s.params, s.prg);
    }

    /** A server holding every message of a finished session, ready to unmask again. */
    @State(Scope.Thread)
    public static class ServerState {
        @Param({"SECAGG", "SECAGG_PLUS"})
        public SecAggConfig.Mode serverMode;

        @Param({"100", "300", "1000"})
        public int serverClients;

        @Param({"10000", "100000", "1000000"})
        public int serverLength;

        @Param({"0.0", "0.1", "0.2"})
        public double dropout;

        SecAggServer server;

        @Setup
        public void setup() {
            server = UnmaskingSession.prepare(
                    SecAggConfig.defaults(serverMode), serverClients, serverLength, dropout, 1);
        }
    }

    @Benchmark
    public int[] serverUnmask(ServerState s) {
        return s.server.closeUnmasking();
    }
}
