package org.leakbench.defense.secagg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which route the mask generator's AES-128-CTR key stream takes on this JVM, chosen by measurement (one thread,
 * 10^4- and 10^6-word masks, against {@code openssl speed -evp aes-128-ctr} in the same minutes):
 * <ol>
 *   <li>{@code ctr} where JDK 17's counter-mode intrinsic has its AVX-512 form (x86-64 with AVX-512 BW/VL and
 *       VAES, HotSpot at {@code UseAVX=3}): four blocks per instruction, about twice the rate of OpenSSL 3.0's
 *       AES-128-CTR, which stays on 128-bit AES-NI, on an AVX-512 Xeon;</li>
 *   <li>{@code openssl}: the system's libcrypto through the foreign-function interface ({@link Libcrypto}),
 *       at OpenSSL's own rate; needs a JVM started with {@code --add-modules=jdk.incubator.foreign
 *       --enable-native-access=ALL-UNNAMED} (the build, the benchmarks and {@code scripts/leakbench} do so) and
 *       a libcrypto 3 or 1.1 on the machine;</li>
 *   <li>{@code ctr} without AVX-512: the JDK's 128-bit AES-NI intrinsic, warmed up and fed 16 KiB chunks, about
 *       0.7 of OpenSSL's rate and three times AES/ECB over counter blocks; JDK 17's HotSpot has it on x86-64
 *       with AES-NI (its flag {@code UseAESCTRIntrinsics} is diagnostic and cannot be read at run time, so the
 *       test is {@code UseAES} on an x86-64 JVM);</li>
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
            r = choose(System.getProperty(PROPERTY), nativeRouteProblem() == null, ctrIntrinsicOn(), vectorAesOn());
            chosen = r;
        }
        return r;
    }

    /**
     * The route for a forced name (null or blank: none), given whether libcrypto works, whether the JDK has its
     * CTR intrinsic and whether that intrinsic runs on AVX-512 VAES.
     */
    static Route choose(String forced, boolean nativeWorks, boolean intrinsic, boolean vectorAes) {
        if (forced == null || forced.isBlank()) {
            if (intrinsic && vectorAes) {
                return Route.JDK_CTR;
            }
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
        return choose(name, nativeRouteProblem() == null, ctrIntrinsicOn(), vectorAesOn());
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
        boolean forced = System.getProperty(PROPERTY) != null;
        return description(r, forced, r == Route.OPENSSL ? null : nativeRouteProblem(), vectorAesOn());
    }

    static String description(Route route, boolean forced, String nativeProblem, boolean vectorAes) {
        String how = forced ? " (forced with -D" + PROPERTY + ")" : "";
        String why = nativeProblem == null ? "" : "; native libcrypto not used: " + nativeProblem;
        return switch (route) {
            case OPENSSL ->
                "AES-128-CTR on " + NativeRoute.version() + " (native, through the foreign-function API)" + how;
            case JDK_CTR ->
                vectorAes
                        ? "AES-128-CTR on the JDK's AES/CTR intrinsic in its AVX-512 VAES form (warmed up, 16 KiB "
                                + "chunks; faster than OpenSSL's AES-NI)" + how + why
                        : "AES-128-CTR on the JDK's AES/CTR intrinsic (warmed up, 16 KiB chunks)" + how + why;
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

    /**
     * Whether JDK 17's counter-mode intrinsic takes its AVX-512 form: HotSpot generates it when the CPU has
     * VAES, AVX-512 BW and VL and HotSpot runs at {@code UseAVX=3}. The CPU's flags come from /proc/cpuinfo; where
     * that cannot be read (not Linux) the answer is no, and the native route keeps its place.
     */
    static boolean vectorAesOn() {
        Boolean v = vectorAes;
        if (v == null) {
            v = ctrIntrinsicOn() && avxLevel() >= 3 && cpuFlags().containsAll(VECTOR_AES_FLAGS);
            vectorAes = v;
        }
        return v;
    }

    private static final Set<String> VECTOR_AES_FLAGS = Set.of("vaes", "avx512f", "avx512bw", "avx512vl");
    private static volatile Boolean vectorAes;

    private static int avxLevel() {
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotspot == null
                    ? 0
                    : Integer.parseInt(hotspot.getVMOption("UseAVX").getValue());
        } catch (RuntimeException | LinkageError e) {
            return 0; // not HotSpot on x86: no AVX-512 intrinsic to count on
        }
    }

    /** The first processor's feature flags from /proc/cpuinfo, or none. */
    static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags"))
                    .findFirst()
                    .map(l -> Arrays.stream(
                                    l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                            .collect(Collectors.toSet()))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
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
