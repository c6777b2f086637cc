package org.leakbench.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.leakbench.defense.secagg.X25519;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One X25519 key agreement (RFC 7748) as secure aggregation runs it: one own private key agreed with peer after
 * peer, the agreement set up once. {@code agree} takes the route this JVM chose (the system's OpenSSL where it
 * can, see {@link X25519#description()}), {@code agreeJdk} the JDK's {@code XDH} fallback, in the same run so
 * that their ratio is the speed-up of the native route. The peers are 64 fixed public keys taken in turn.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class KeyAgreementBench extends RunLengthDefaults {
    private static final int PEERS = 64;

    @State(Scope.Thread)
    public static class Keys {
        final byte[][] peers = new byte[PEERS][];
        X25519.Agreement chosen;
        X25519.Agreement jdk;
        int next;

        @Setup
        public void setup() {
            SecureRandom random = new SecureRandom();
            byte[] own = X25519.generatePrivate(random);
            for (int i = 0; i < PEERS; i++) {
                peers[i] = X25519.publicKey(X25519.generatePrivate(random));
            }
            chosen = X25519.agreement(own);
            jdk = X25519.agreement("jdk", own);
        }

        byte[] peer() {
            next = (next + 1) % PEERS;
            return peers[next];
        }
    }

    @Benchmark
    public byte[] agree(Keys k) {
        return k.chosen.agree(k.peer());
    }

    @Benchmark
    public byte[] agreeJdk(Keys k) {
        return k.jdk.agree(k.peer());
    }
}
