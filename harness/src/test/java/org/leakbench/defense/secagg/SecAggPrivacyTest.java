package org.leakbench.defense.secagg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.secagg.SecAggConfig.Mode;
import org.leakbench.defense.secagg.SecAggMessage.ForwardedShares;
import org.leakbench.defense.secagg.SecAggMessage.KeyList;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskRequest;
import org.leakbench.defense.secagg.SecAggMessage.UnmaskResponse;

/** What the server sees of one client looks uniform, and an honest client never reveals both shares of a peer. */
class SecAggPrivacyTest {
    private static final int M = 1 << 14;

    /** Chi-square statistic of counts against the uniform distribution. */
    private static double chiSquare(long[] counts) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double expected = (double) total / counts.length;
        double chi = 0;
        for (long c : counts) {
            chi += (c - expected) * (c - expected) / expected;
        }
        return chi;
    }

    private static double correlation(int[] x, int[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += Integer.toUnsignedLong(y[i]);
        }
        mx /= x.length;
        my /= x.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = Integer.toUnsignedLong(y[i]) - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static int[] maskedView(Mode mode, int bits, int[] input) {
        List<int[]> inputs = new ArrayList<>(Collections.nCopies(4, new int[M]));
        inputs.set(0, input);
        ProtocolResult r = new SecureAggregator(Channel.DIRECT, SecAggProtocolTest.RANDOM)
                .aggregateIntegers(
                        inputs, SecAggConfig.defaults(mode).withModulusBits(bits), DropoutSchedule.none(), 1);
        int[] y = r.server().maskedInput(0);
        assertNotNull(y);
        return y;
    }

    @Test
    void maskedUpdateBytesAreUniformAndUncorrelatedWithTheInput() {
        int[] input = new int[M];
        for (int i = 0; i < M; i++) {
            input[i] = (i % 1000) * 3; // highly structured
        }
        for (Mode mode : Mode.values()) {
            int[] y = maskedView(mode, 32, input);
            long[] counts = new long[256];
            for (int v : y) {
                for (int s = 0; s < 32; s += 8) {
                    counts[(v >>> s) & 0xff]++;
                }
            }
            // 255 degrees of freedom: mean 255, sd 22.6; 400 is beyond 6 sd
            assertTrue(chiSquare(counts) < 400, "chi-square of masked bytes " + chiSquare(counts));
            // |r| of independent vectors is about 1/sqrt(M) = 0.008
            assertTrue(Math.abs(correlation(input, y)) < 0.05, "correlation " + correlation(input, y));
        }
    }

    @Test
    void maskedUpdateIsUniformOverASmallModulus() {
        int[] input = new int[M]; // all zero
        int[] y = maskedView(Mode.SECAGG, 12, input);
        long[] counts = new long[64];
        for (int v : y) {
            assertTrue(v >= 0 && v < 4096);
            counts[v >>> 6]++;
        }
        assertTrue(chiSquare(counts) < 150, "chi-square of masked buckets " + chiSquare(counts));
    }

    /** Three clients, t = 2, driven by hand up to the unmasking round. */
    private static List<SecAggClient> clientsReadyToUnmask() {
        SessionParams p = new SessionParams(42L, 4, 32, 2, NeighbourGraph.complete(3));
        MaskPrg prg = new MaskPrg();
        SecAggServer server = new SecAggServer(p, prg);
        List<SecAggClient> clients = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            clients.add(new SecAggClient(u, p, SecAggProtocolTest.RANDOM, prg));
            server.accept(clients.get(u).advertiseKeys());
        }
        for (KeyList k : server.closeAdvertiseKeys()) {
            clients.get(k.recipient()).receiveKeys(k);
        }
        clients.forEach(c -> server.accept(c.shareKeys()));
        for (ForwardedShares f : server.closeShareKeys()) {
            clients.get(f.recipient()).receiveShares(f);
        }
        clients.forEach(c -> server.accept(c.maskedInput(new int[4])));
        assertEquals(3, server.closeMaskedInput().size());
        return clients;
    }

    @Test
    void honestClientRefusesToRevealTheMaskKeyShareAfterTheSelfMaskShare() {
        SecAggClient c = clientsReadyToUnmask().get(0);
        UnmaskResponse first = c.unmask(new UnmaskRequest(42L, 0, new int[] {0, 1, 2}));
        assertEquals(3, first.selfMaskShares().size());
        assertTrue(first.maskKeyShares().isEmpty());
        SecAggException e =
                assertThrows(SecAggException.class, () -> c.unmask(new UnmaskRequest(42L, 0, new int[] {0, 1})));
        assertTrue(e.getMessage().contains("refuses") && e.getMessage().contains("client 2"), e.getMessage());
    }

    @Test
    void honestClientRefusesToRevealTheSelfMaskShareAfterTheMaskKeyShare() {
        SecAggClient c = clientsReadyToUnmask().get(1);
        UnmaskResponse first = c.unmask(new UnmaskRequest(42L, 1, new int[] {0, 1}));
        assertEquals(List.of(2), List.copyOf(first.maskKeyShares().keySet()));
        assertEquals(List.of(0, 1), List.copyOf(first.selfMaskShares().keySet()));
        assertThrows(SecAggException.class, () -> c.unmask(new UnmaskRequest(42L, 1, new int[] {0, 1, 2})));
        // asking again for the same kinds is harmless
        assertEquals(
                first.maskKeyShares().keySet(),
                c.unmask(new UnmaskRequest(42L, 1, new int[] {0, 1}))
                        .maskKeyShares()
                        .keySet());
    }

    @Test
    void clientRefusesAnUnmaskRequestWithFewerThanThresholdSurvivors() {
        SecAggClient c = clientsReadyToUnmask().get(0);
        assertThrows(SecAggException.class, () -> c.unmask(new UnmaskRequest(42L, 0, new int[] {0})));
        assertThrows(MessageRejectedException.class, () -> c.unmask(new UnmaskRequest(43L, 0, new int[] {0, 1})));
    }
}
