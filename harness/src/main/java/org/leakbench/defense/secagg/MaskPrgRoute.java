package org.leakbench.defense.secagg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Which route the mask generator's AES-128-CTR key stream takes on this JVM, chosen by measurement on an AES-NI
 * machine (one thread, 10^6-word masks, against {@code openssl speed -evp aes-128-ctr} in the same minutes):
 * <ol>
 *   <li>{@code openssl}: the system's libcrypto through the foreign-function interface ({@link Libcrypto}),
 *       at OpenSSL's own rate; needs a JVM started with {@code --add-modules=jdk.incubator.foreign
 *       --enable-native-access=ALL-UNNAMED} (the build, the benchmarks and {@code scripts/leakbench} do so) and
 *       a libcrypto 3 or 1.1 on the machine;</li>
 *   <li>{@code ctr}: the JDK's counter-mode intrinsic, warmed up and fed 32 KiB chunks, about 0.7 of OpenSSL's
 *       rate and three times AES/ECB over counter blocks; JDK 17's HotSpot has it on x86-64 with AES-NI (its
 *       flag {@code UseAESCTRIntrinsics} is diagnostic and cannot be read at run time, so the test is
 *       {@code UseAES} on an x86-64 JVM);</li>
 *   <li>{@code ecb}: AES/ECB over counter blocks, the pure-JDK fallback everywhere else.</li>
 * </ol>
 * The first that works is taken, and {@link #description()} (recorded in every run's provenance as
 * {@code mask_prg}) says which and, for a fallback, why the native route was not. {@code
 * -Dleakbench.maskprg=openssl|ctr|ecb} forces one (all give the same bytes). Class loading never warms up a
 * cipher, so {@link #description()} is cheap.
 */
public final class MaskPrgRoute {
    static final String PROPERTY = "leakbench.maskprg";
    static final String FOREIGN_MODULE = "jdk.incubator.foreign";

    /** The routes, fastest first. */
    enum Route {
        OPENSSL,
        JDK_CTR,
        JDK_ECB
    }

    private static volatile Route chosen;

    private MaskPrgRoute() {}

    /**
     * The route this JVM takes, decided on first use; a bad {@code -Dleakbench.maskprg}, or {@code openssl} forced
     * where it cannot run, is an IllegalArgumentException naming it, on every call.
     */
    static Route chosen() {
        Route r = chosen;
        if (r == null) {
            r = choose(System.getProperty(PROPERTY), nativeRouteProblem() == null, ctrIntrinsicOn());
            chosen = r;
        }
        return r;
    }

    /** The route for a forced name (null or blank: none), given whether libcrypto and the CTR intrinsic work. */
    static Route choose(String forced, boolean nativeWorks, boolean intrinsic) {
        if (forced == null || forced.isBlank()) {
            return nativeWorks ? Route.OPENSSL : intrinsic ? Route.JDK_CTR : Route.JDK_ECB;
        }
        return switch (forced.trim().toLowerCase(Locale.ROOT)) {
            case "openssl" -> {
                if (!nativeWorks) {
                    throw new IllegalArgumentException(
                            "-D" + PROPERTY + "=openssl, but the native route cannot run: " + nativeRouteProblem());
                }
                yield Route.OPENSSL;
            }
            case "ctr" -> Route.JDK_CTR;
            case "ecb" -> Route.JDK_ECB;
            default ->
                throw new IllegalArgumentException(
                        "-D" + PROPERTY + " must be openssl, ctr or ecb, got '" + forced + "'");
        };
    }

    /** The route for a name, as {@code -Dleakbench.maskprg} would force it (benchmarks and tests). */
    static Route named(String name) {
        return choose(name, nativeRouteProblem() == null, ctrIntrinsicOn());
    }

    /** Null when the native route works on this JVM, else why not, in a few words. */
    static String nativeRouteProblem() {
        if (ModuleLayer.boot().findModule(FOREIGN_MODULE).isEmpty()) {
            return "the JVM lacks --add-modules=" + FOREIGN_MODULE;
        }
        return NativeRoute.problem();
    }

    /** A key stream on the native route; only called once {@link #nativeRouteProblem()} is null. */
    static AesCtrKeyStream nativeStream() {
        return NativeRoute.stream();
    }

    /** One line for {@code leakbench env} and provenance. */
    public static String description() {
        Route r = chosen();
        return description(r, System.getProperty(PROPERTY) != null, r == Route.OPENSSL ? null : nativeRouteProblem());
    }

    static String description(Route route, boolean forced, String nativeProblem) {
        String how = forced ? " (forced with -D" + PROPERTY + ")" : "";
        String why = nativeProblem == null ? "" : "; native libcrypto not used: " + nativeProblem;
        return switch (route) {
            case OPENSSL ->
                "AES-128-CTR on " + NativeRoute.version() + " (native, through the foreign-function API)" + how;
            case JDK_CTR -> "AES-128-CTR on the JDK's AES/CTR intrinsic (warmed up, 32 KiB chunks)" + how + why;
            case JDK_ECB ->
                "AES-128-CTR as AES/ECB over counter blocks (pure-JDK fallback: "
                        + (forced ? "forced with -D" + PROPERTY : "no AES/CTR intrinsic on this JVM") + ")" + why;
        };
    }

    /** The short name recorded next to benchmark results: {@code openssl}, {@code jdk-ctr} or {@code jdk-ecb}. */
    public static String name() {
        return switch (chosen()) {
            case OPENSSL -> "openssl";
            case JDK_CTR -> "jdk-ctr";
            case JDK_ECB -> "jdk-ecb";
        };
    }

    private static boolean ctrIntrinsicOn() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return false;
        }
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot != null
                    && Boolean.parseBoolean(hotspot.getVMOption("UseAES").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no such flag: take the route that needs no intrinsic
        }
    }

    /** Touches {@link Libcrypto} (and so the foreign module) only when called. */
    private static final class NativeRoute {
        private NativeRoute() {}

        static String problem() {
            Object l = Libcrypto.load();
            return l instanceof Libcrypto ? null : (String) l;
        }

        static AesCtrKeyStream stream() {
            return new LibcryptoCtrKeyStream((Libcrypto) Libcrypto.load());
        }

        static String version() {
            Object l = Libcrypto.load();
            return l instanceof Libcrypto lib ? lib.version : "libcrypto";
        }
    }
}
