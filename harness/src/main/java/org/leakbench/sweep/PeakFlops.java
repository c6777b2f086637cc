package org.leakbench.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * An estimate of the machine's theoretical float32 peak, cores × FMA units × vector lanes × 2 flops per fused
 * multiply-add × clock, from the flags and clock in /proc/cpuinfo; the yardstick GEMM rates are quoted against
 * (Williams, Waterman and Patterson, "Roofline", CACM 52(4), 2009). It is an estimate: the FMA unit count
 * is not in /proc/cpuinfo (two are assumed for AVX2 and AVX-512 cores, as on Intel since Haswell and AMD since
 * Zen 2, one for older FMA cores), and "cpu MHz" is the clock at the time of reading, not under turbo.
 */
public record PeakFlops(int cores, int fmaUnits, int lanes, double mhz) {
    /** GFLOP/s. */
    public double gflops() {
        return cores * fmaUnits * lanes * 2.0 * mhz / 1000;
    }

    /** One line for {@code leakbench env}. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%.0f GFLOP/s float32, estimate (%d cores × %d FMA units × %d lanes × 2 × %.2f GHz)",
                gflops(),
                cores,
                fmaUnits,
                lanes,
                mhz / 1000);
    }

    /** This machine's estimate, or null where /proc/cpuinfo is missing or says no clock. */
    public static PeakFlops ofThisMachine() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return null;
        }
        try {
            return parse(
                    Files.readString(cpuinfo, StandardCharsets.UTF_8),
                    Runtime.getRuntime().availableProcessors());
        } catch (IOException e) {
            return null;
        }
    }

    /** From the text of /proc/cpuinfo (its first processor's flags and clock) and the usable core count. */
    static PeakFlops parse(String cpuinfo, int cores) {
        Set<String> flags = Set.of();
        double mhz = Double.NaN;
        for (String line : cpuinfo.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            if (key.equals("flags") && flags.isEmpty()) {
                flags = Set.of(value.split("\\s+"));
            } else if (key.equals("cpu MHz") && Double.isNaN(mhz)) {
                try {
                    mhz = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        if (Double.isNaN(mhz) || flags.isEmpty()) {
            return null;
        }
        int lanes = flags.contains("avx512f") ? 16 : flags.contains("avx") ? 8 : 4;
        boolean fma = flags.contains("fma");
        int units = !fma ? 1 : (flags.contains("avx2") || flags.contains("avx512f")) ? 2 : 1;
        // without FMA a core still issues one multiply and one add per cycle: count them as one fused pair
        return new PeakFlops(cores, units, lanes, mhz);
    }
}
