package org.leakbench.defense.secagg;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The facade the federated simulation calls: quantise each float update, run secure aggregation (SecAgg or
 * SecAgg+) with the given dropouts, and dequantise the sum. Cryptographic keys and seeds come from
 * {@link SecureRandom}; the quantisation rounding and the SecAgg+ graph come from {@code seed}, so the returned
 * sum is the same bit for bit for the same seed (the masks cancel exactly). In the active mode each call
 * registers fresh Ed25519 keys for the clients in a test {@link Pki}.
 */
public final class SecureAggregator {
    private final Channel channel;
    private final SecureRandom secureRandom;

    public SecureAggregator() {
        this(Channel.DIRECT, defaultRandom());
    }

    /** NIST SP 800-90A DRBG seeded by the OS: cheaper per call than the default NativePRNG's file reads. */
    static SecureRandom defaultRandom() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** @param channel the network (tests use it to tamper with messages) */
    public SecureAggregator(Channel channel, SecureRandom secureRandom) {
        this.channel = channel;
        this.secureRandom = secureRandom;
    }

    /** The dequantised sum of the updates of the clients that stay to the end. */
    public AggregationResult aggregate(
            List<float[]> updates, SecAggConfig config, DropoutSchedule dropouts, long seed) {
        int n = checkShape(updates.size(), updates.isEmpty() ? 0 : updates.get(0).length);
        config.checkCapacity(n);
        int m = updates.get(0).length;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom graphRandom = root.split();
        SplittableRandom quantRandom = root.split();
        Map<String, Long> phases = new LinkedHashMap<>();

        long t0 = System.nanoTime();
        Quantizer quantizer = new Quantizer(config.clippingRange(), config.quantizationRange());
        List<int[]> quantized = new ArrayList<>(n);
        for (int u = 0; u < n; u++) {
            if (updates.get(u).length != m) {
                throw new IllegalArgumentException(
                        "update " + u + " has length " + updates.get(u).length + ", expected " + m + " like update 0");
            }
            quantized.add(quantizer.quantize(updates.get(u), quantRandom.split()));
        }
        phases.put("quantize", System.nanoTime() - t0);

        ProtocolResult run = runProtocol(quantized, config, dropouts, graphRandom);
        run.roundNanos().forEach((round, nanos) -> phases.put(round.name().toLowerCase(Locale.ROOT), nanos));

        long t1 = System.nanoTime();
        float[] sum = quantizer.dequantizeSum(run.sum(), run.included().length);
        phases.put("dequantize", System.nanoTime() - t1);

        double plainBytes = (double) m * config.modulusBits() / 8;
        double expansion = 0;
        for (int u : run.included()) {
            expansion += run.cost().sentBytes(u) / plainBytes;
        }
        expansion /= run.included().length;
        return new AggregationResult(
                sum,
                run.included(),
                run.cost().sentPerClient(),
                run.cost().receivedPerClient(),
                expansion,
                java.util.Collections.unmodifiableMap(phases),
                run.rejections(),
                run);
    }

    /**
     * The exact integer path: the sum mod 2^b of the included inputs (elements are taken mod 2^b), without
     * quantisation. {@code seed} chooses the SecAgg+ graph.
     */
    public ProtocolResult aggregateIntegers(
            List<int[]> inputs, SecAggConfig config, DropoutSchedule dropouts, long seed) {
        checkShape(inputs.size(), inputs.isEmpty() ? 0 : inputs.get(0).length);
        return runProtocol(inputs, config, dropouts, new SplittableRandom(seed).split());
    }

    private ProtocolResult runProtocol(
            List<int[]> inputs, SecAggConfig config, DropoutSchedule dropouts, SplittableRandom graphRandom) {
        int n = inputs.size();
        NeighbourGraph graph = config.graph(n, graphRandom);
        int t = config.thresholdFor(graph.groupSize());
        SessionParams params =
                new SessionParams(secureRandom.nextLong(), inputs.get(0).length, config.modulusBits(), t, graph);
        // the test PKI stands for keys registered once, before any session: its setup is not timed
        Pki pki = config.security() == SecurityMode.ACTIVE ? Pki.generate(n, secureRandom) : null;
        return new SecAggProtocol(params, channel, secureRandom, pki).run(inputs, dropouts);
    }

    private static int checkShape(int n, int m) {
        if (n < 2) {
            throw new IllegalArgumentException("secure aggregation needs at least 2 updates, got " + n);
        }
        if (m < 1) {
            throw new IllegalArgumentException("updates must have at least 1 element, got " + m);
        }
        return n;
    }
}
