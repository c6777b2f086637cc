package org.leakbench.defense.secagg;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Which route the mask generator's AES-128-CTR key stream takes on this JVM. Chosen by measurement on an
 * AES-NI machine (one thread, 10^6-word masks): the JDK's counter-mode intrinsic, warmed up and fed 32 KiB
 * chunks, ran at about three times the speed of AES/ECB over counter blocks. JDK 17's HotSpot has that intrinsic
 * on x86-64 with AES-NI (its flag {@code UseAESCTRIntrinsics} is diagnostic and cannot be read at run time, so
 * the test is {@code UseAES} on an x86-64 JVM); elsewhere, or when the flag cannot be read, the ECB route is
 * the fallback. {@code -Dleakbench.maskprg=ctr|ecb} forces one
 * (both give the same bytes). Class loading never warms up the cipher, so {@link #description()} is cheap.
 */
public final class MaskPrgRoute {
    static final String PROPERTY = "leakbench.maskprg";

    /** The two pure-JDK routes. */
    enum Route {
        JDK_CTR,
        JDK_ECB
    }

    private static volatile Route chosen;

    private MaskPrgRoute() {}

    /**
     * The route this JVM takes, decided on first use; a bad {@code -Dleakbench.maskprg} is an
     * IllegalArgumentException naming it, on every call.
     */
    static Route chosen() {
        Route r = chosen;
        if (r == null) {
            r = choose(System.getProperty(PROPERTY), ctrIntrinsicOn());
            chosen = r;
        }
        return r;
    }

    /** The route for a forced name (null or blank: none) and whether the counter-mode intrinsic is on. */
    static Route choose(String forced, boolean intrinsic) {
        if (forced == null || forced.isBlank()) {
            return intrinsic ? Route.JDK_CTR : Route.JDK_ECB;
        }
        return switch (forced.trim().toLowerCase(Locale.ROOT)) {
            case "ctr" -> Route.JDK_CTR;
            case "ecb" -> Route.JDK_ECB;
            default ->
                throw new IllegalArgumentException("-D" + PROPERTY + " must be ctr or ecb, got '" + forced + "'");
        };
    }

    /** One line for {@code leakbench env} and provenance. */
    public static String description() {
        return description(chosen(), System.getProperty(PROPERTY) != null);
    }

    static String description(Route route, boolean forced) {
        if (route == Route.JDK_CTR) {
            return "AES-128-CTR on the JDK's AES/CTR intrinsic (warmed up, 32 KiB chunks)"
                    + (forced ? " (forced with -D" + PROPERTY + ")" : "");
        }
        return "AES-128-CTR as AES/ECB over counter blocks (pure-JDK fallback: "
                + (forced ? "forced with -D" + PROPERTY : "no AES/CTR intrinsic on this JVM") + ")";
    }

    /** The short name recorded next to benchmark results: {@code jdk-ctr} or {@code jdk-ecb}. */
    public static String name() {
        return chosen() == Route.JDK_CTR ? "jdk-ctr" : "jdk-ecb";
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
}
