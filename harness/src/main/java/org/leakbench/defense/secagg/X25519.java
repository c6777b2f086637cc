package org.leakbench.defense.secagg;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * X25519 Diffie-Hellman (RFC 7748) on raw 32-byte keys, the encodings the protocol sends and shares: a public
 * key is the little-endian u-coordinate, a private key the 32-byte scalar (what is Shamir-shared so the server
 * can recover a dropped client's pairwise masks).
 *
 * <p>Two routes give the same bytes: the system's OpenSSL through the foreign-function interface
 * ({@link LibcryptoX25519}, about ten times faster) and the JDK's {@code XDH} provider ({@link JdkX25519}), the
 * fallback wherever libcrypto or native access is missing. The first that works is taken; {@code
 * -Dleakbench.x25519=openssl|jdk} forces one, and {@link #description()} (recorded in a run's provenance as
 * {@code x25519}) says which was taken and, for the fallback, why.
 */
public final class X25519 {
    /** Bytes in an encoded public key, private scalar or shared secret. */
    public static final int KEY_BYTES = 32;

    static final String PROPERTY = "leakbench.x25519";

    /** The u-coordinate 9 of the base point: agreeing with it gives a private key's public key. */
    private static final byte[] BASE_POINT = basePoint();

    /** The routes, fastest first. */
    enum Route {
        OPENSSL,
        JDK
    }

    /** Key agreements of one own private key with many peers; not thread-safe. */
    @FunctionalInterface
    public interface Agreement {
        /**
         * The 32-byte shared secret with the peer's encoded public key; fails with {@link SecAggException} on a
         * low-order peer key (all-zero result).
         */
        byte[] agree(byte[] peerPublic);
    }

    private static volatile Route chosen;

    private X25519() {}

    /** A fresh private key: 32 random bytes (the scalar multiplication clamps them, RFC 7748 §5). */
    public static byte[] generatePrivate(SecureRandom random) {
        byte[] scalar = new byte[KEY_BYTES];
        random.nextBytes(scalar);
        return scalar;
    }

    /** The public key of a private scalar: X25519(scalar, 9). */
    public static byte[] publicKey(byte[] scalar) {
        return agreement(scalar).agree(BASE_POINT);
    }

    /** The 32-byte shared secret of {@code scalar} with {@code peerPublic}. */
    public static byte[] agree(byte[] scalar, byte[] peerPublic) {
        return agreement(scalar).agree(peerPublic);
    }

    /** An agreement holding {@code scalar} for many peers in a row, on the route this JVM took. */
    public static Agreement agreement(byte[] scalar) {
        return agreement(chosen(), scalar);
    }

    /**
     * An agreement on the route named as {@code -Dleakbench.x25519} would name it, {@code openssl} or {@code jdk}
     * (benchmarks compare them); an IllegalArgumentException if that route cannot run here.
     */
    public static Agreement agreement(String route, byte[] scalar) {
        return agreement(named(route), scalar);
    }

    /** An agreement on a given route (tests and benchmarks compare them). */
    static Agreement agreement(Route route, byte[] scalar) {
        check(scalar, "private scalar");
        Agreement inner = route == Route.OPENSSL ? NativeRoute.agreement(scalar) : JdkX25519.agreement(scalar);
        return peer -> inner.agree(check(peer, "public key"));
    }

    private static byte[] check(byte[] key, String what) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("X25519 " + what + " must be " + KEY_BYTES + " bytes, got "
                    + (key == null ? "none" : String.valueOf(key.length)));
        }
        return key;
    }

    /**
     * The route this JVM takes, decided on first use; a bad {@code -Dleakbench.x25519}, or {@code openssl}
     * forced where it cannot run, is an IllegalArgumentException naming it.
     */
    static Route chosen() {
        Route r = chosen;
        if (r == null) {
            r = named(System.getProperty(PROPERTY));
            chosen = r;
        }
        return r;
    }

    /** The route for a forced name (null or blank: the fastest that works). */
    static Route named(String forced) {
        if (forced == null || forced.isBlank()) {
            return nativeRouteProblem() == null ? Route.OPENSSL : Route.JDK;
        }
        return switch (forced.trim().toLowerCase(Locale.ROOT)) {
            case "openssl" -> {
                String problem = nativeRouteProblem();
                if (problem != null) {
                    throw new IllegalArgumentException(
                            "-D" + PROPERTY + "=openssl, but the native route cannot run: " + problem);
                }
                yield Route.OPENSSL;
            }
            case "jdk" -> Route.JDK;
            default ->
                throw new IllegalArgumentException("-D" + PROPERTY + " must be openssl or jdk, got '" + forced + "'");
        };
    }

    /** Null when the native route works on this JVM, else why not, in a few words. */
    static String nativeRouteProblem() {
        if (ModuleLayer.boot().findModule(MaskPrgRoute.FOREIGN_MODULE).isEmpty()) {
            return "the JVM lacks --add-modules=" + MaskPrgRoute.FOREIGN_MODULE;
        }
        return NativeRoute.problem();
    }

    /** One line for provenance: the route taken and, for the fallback, why the native one was not. */
    public static String description() {
        Route r = chosen();
        boolean forced = System.getProperty(PROPERTY) != null;
        String how = forced ? " (forced with -D" + PROPERTY + ")" : "";
        if (r == Route.OPENSSL) {
            return "X25519 on " + NativeRoute.version() + " (native, through the foreign-function API)" + how;
        }
        String problem = nativeRouteProblem();
        return "X25519 on the JDK's XDH provider (pure-Java fallback" + how + ")"
                + (problem == null ? "" : "; native libcrypto not used: " + problem);
    }

    /** The short name recorded next to benchmark results: {@code openssl} or {@code jdk}. */
    public static String name() {
        return chosen() == Route.OPENSSL ? "openssl" : "jdk";
    }

    private static byte[] basePoint() {
        byte[] u = new byte[KEY_BYTES];
        u[0] = 9;
        return u;
    }

    /** Touches {@link LibcryptoX25519} (and so the foreign module) only when called. */
    private static final class NativeRoute {
        private NativeRoute() {}

        static String problem() {
            Object l = LibcryptoX25519.load();
            return l instanceof LibcryptoX25519 ? null : (String) l;
        }

        static Agreement agreement(byte[] scalar) {
            Object l = LibcryptoX25519.load();
            if (!(l instanceof LibcryptoX25519 lib)) {
                throw new IllegalStateException("the native X25519 route cannot run: " + l);
            }
            return lib.agreement(scalar);
        }

        static String version() {
            Object l = LibcryptoX25519.load();
            return l instanceof LibcryptoX25519 lib ? lib.version : "libcrypto";
        }
    }
}
