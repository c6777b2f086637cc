package org.leakbench.bench.suite;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times OpenSSL's AES-128-CTR on the same machine, one thread ({@code openssl speed -elapsed -evp aes-128-ctr
 * -bytes 16384}: one 16 KiB buffer encrypted over and over, so it stays in the L1 cache), into
 * {@code jmh/openssl.csv}: the reference column of the masking table. {@code -elapsed} divides by wall-clock
 * time, as JMH does; openssl's default, user CPU time, leaves out the time other processes take the core,
 * which on a loaded machine made OpenSSL look several times faster than the same EVP calls timed by JMH.
 * A machine without an {@code openssl} command gets a one-line note and the column stays empty.
 */
public final class OpenSslReference {
    /** The file the masking table reads, inside the run's jmh folder. */
    public static final String CSV = "openssl.csv";

    static final int BLOCK_BYTES = 16384;
    private static final Pattern RESULT = Pattern.compile("(?m)^AES-128-CTR\\s+([0-9.]+)k\\s*$");

    private OpenSslReference() {}

    /** Runs the measurement for {@code seconds}; returns whether openssl.csv was written. */
    public static boolean run(Path csv, int seconds, PrintStream log) throws IOException {
        Optional<String> version = output(List.of("openssl", "version"), 30);
        if (version.isEmpty()) {
            log.println("OpenSSL reference skipped: no working openssl command on the PATH; the OpenSSL column of "
                    + "the masking table stays empty.");
            return false;
        }
        List<String> cmd = List.of(
                "openssl",
                "speed",
                "-elapsed",
                "-evp",
                "aes-128-ctr",
                "-bytes",
                String.valueOf(BLOCK_BYTES),
                "-seconds",
                String.valueOf(seconds));
        log.println("OpenSSL reference: " + String.join(" ", cmd));
        Optional<String> out = output(cmd, 60L + 10L * seconds);
        if (out.isEmpty()) {
            log.println("OpenSSL reference failed; the OpenSSL column stays empty.");
            return false;
        }
        double bytesPerSecond = parse(out.get());
        Files.writeString(
                csv,
                "algorithm,block_bytes,bytes_per_second,version\n"
                        + String.format(
                                Locale.ROOT,
                                "aes-128-ctr,%d,%.6g,\"%s\"%n",
                                BLOCK_BYTES,
                                bytesPerSecond,
                                version.get().trim().replace("\"", "'")),
                StandardCharsets.UTF_8);
        return true;
    }

    /** Bytes per second from {@code openssl speed}'s table, which counts in 1000s of bytes per second. */
    static double parse(String speedOutput) {
        Matcher m = RESULT.matcher(speedOutput);
        if (!m.find()) {
            throw new IllegalStateException("openssl speed printed no 'AES-128-CTR <n>k' line: "
                    + speedOutput.strip().replace('\n', ' '));
        }
        return Double.parseDouble(m.group(1)) * 1000;
    }

    /** The command's standard output when it exits 0 within the timeout, else empty. */
    private static Optional<String> output(List<String> cmd, long timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(new String(out, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
