package org.leakbench.tensor.nd4j;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leakbench.tensor.BackendUnavailableException;
import org.leakbench.tensor.ThreadsProperty;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Starts ND4J once and describes what it runs on. Starting loads native code, which can fail in many
 * ways (a missing driver, a jar for another platform); every failure becomes one
 * {@link BackendUnavailableException} with a one-sentence message. While ND4J starts, {@code System.out}
 * and {@code System.err} are captured: the CUDA backend prints a full stack trace when it finds no
 * driver, and that text is also the only place that names the missing library.
 */
record Nd4jRuntime(String version, String deviceKind, String blasVendor, int threads, String backendClass) {
    private static final String CUDA_BACKEND = "org.nd4j.linalg.jcublas.JCublasBackend";
    // "libjni.so: libcuda.so.1: cannot open ..." names the library that needed the missing one first;
    // the greedy prefix skips those so that the group starts at the library that is really missing.
    private static final String SO = "lib[\\w.+-]+\\.so[\\w.]*: ";
    private static final Pattern MISSING_LIBRARY =
            Pattern.compile("(?:" + SO + ")*(" + SO + "[^\\r\\n]*|no [\\w.+-]+ in java\\.library\\.path[^\\r\\n]*)");

    private static Nd4jRuntime started;
    private static StartFailure failure;

    /** Why ND4J did not start: each later call gets a new exception, with its own stack, and the same cause. */
    private record StartFailure(String message, Throwable cause) {
        BackendUnavailableException exception() {
            return new BackendUnavailableException(message, cause);
        }
    }

    /** ND4J, started on first call; later calls return the same result or rethrow the same failure. */
    static synchronized Nd4jRuntime start() {
        if (started != null) {
            return started;
        }
        if (failure != null) {
            throw failure.exception();
        }
        Integer wanted = requestedThreads(); // a bad setting is the user's error, not a failed start
        skipPhysicalMemoryCheck();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8);
        try {
            System.setOut(sink);
            System.setErr(sink);
            started = probe(wanted);
            return started;
        } catch (Throwable t) { // native start-up fails with Errors as well as exceptions
            failure = new StartFailure(message(t, captured.toString(StandardCharsets.UTF_8)), t);
            throw failure.exception();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** JavaCPP's system property for the resident-memory ceiling it checks on every native allocation. */
    static final String MAX_PHYSICAL_BYTES = "org.bytedeco.javacpp.maxPhysicalBytes";

    /**
     * Turns off JavaCPP's resident-memory check unless the user set it: it reads the process's resident size
     * on every array ND4J allocates (5–9 % of a small model's gradient in profiles). JavaCPP's ceiling on the
     * bytes it allocated itself (maxBytes, a counter) still triggers garbage collection of dead arrays. Has
     * effect only when JavaCPP has not been loaded yet.
     */
    private static void skipPhysicalMemoryCheck() {
        if (System.getProperty(MAX_PHYSICAL_BYTES) == null) {
            System.setProperty(MAX_PHYSICAL_BYTES, "0");
        }
    }

    /**
     * System property that sets how many threads ND4J's native ops may use. ND4J's default (one per core)
     * stalls for milliseconds per op when other processes compete for the cores; 1 avoids that.
     */
    static final String THREADS_PROPERTY = "leakbench.nd4j.threads";

    /**
     * The thread count asked for with {@link #THREADS_PROPERTY}; 1 when unset. One master thread per op is
     * the default because the victim models are latency-bound and sweeps already run points in parallel:
     * with ND4J's own default of all cores, ops on a busy 2-core machine stalled for milliseconds.
     */
    static Integer requestedThreads() {
        return ThreadsProperty.read(THREADS_PROPERTY);
    }

    private static Nd4jRuntime probe(Integer wanted) {
        String backendClass = Nd4j.getBackend().getClass().getName();
        if (wanted != null) {
            // The master thread count is the one that splits an op; maxThreads alone changes nothing measurable.
            Nd4j.getEnvironment().setMaxMasterThreads(wanted);
            Nd4j.getEnvironment().setMaxThreads(wanted);
            // OpenBLAS keeps its own pool (one thread per core), which the settings above do not reach: without
            // this a "one-thread" ND4J product ran on both cores of a 2-core machine.
            Nd4j.factory().blas().setMaxThreads(wanted);
        }
        // A tiny product and sum make sure the native kernels and BLAS really run, not just load.
        INDArray a = Nd4j.create(new float[] {1, 2, 3, 4}, new long[] {2, 2}, DataType.FLOAT);
        double check = Nd4j.gemm(a, a, false, true).sumNumber().doubleValue();
        if (check != 52.0) { // [[1,2],[3,4]] times its transpose is [[5,11],[11,25]]
            throw new IllegalStateException("self-check product gave " + check + " instead of 52");
        }
        String device = Nd4j.getEnvironment().isCPU() ? "CPU" : "CUDA";
        String blas = String.valueOf(Nd4j.factory().blas().getBlasVendor());
        int threads = Nd4j.getEnvironment().maxMasterThreads();
        return new Nd4jRuntime(nd4jVersion(), device, blas, threads, backendClass);
    }

    /** The one-sentence explanation of a failed start. */
    static String message(Throwable t, String capturedOutput) {
        String cause = shortCause(t, capturedOutput);
        if (cudaBuild()) {
            return "The nd4j backend was built for CUDA (-P cuda) but no usable GPU or CUDA driver was found (" + cause
                    + "); use --backend java or rebuild without -P cuda.";
        }
        return "The nd4j backend could not load its native CPU library (" + cause + "); use --backend java, or "
                + "rebuild with the nd4j-native jar for this platform (-Dnd4j.classifier=...).";
    }

    static boolean cudaBuild() {
        try {
            Class.forName(CUDA_BACKEND, false, Nd4jRuntime.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The missing library if any text names one, else the innermost error's first line. */
    private static String shortCause(Throwable t, String capturedOutput) {
        StringBuilder text = new StringBuilder(capturedOutput);
        Throwable root = t;
        for (Throwable c = t; c != null; c = c.getCause()) {
            text.append('\n').append(c);
            root = c;
        }
        Matcher m = MISSING_LIBRARY.matcher(text);
        if (m.find()) {
            return m.group(1).trim();
        }
        String msg = root.getMessage();
        String line = msg == null ? "" : msg.lines().findFirst().orElse("").trim();
        String shortened = line.length() > 160 ? line.substring(0, 157) + "..." : line;
        return root.getClass().getSimpleName() + (shortened.isEmpty() ? "" : ": " + shortened);
    }

    private static String nd4jVersion() {
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (java.io.IOException ignored) {
            // fall through to the manifest
        }
        Package p = Nd4j.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? "(unknown version)" : v;
    }

    /** One line such as "ND4J 1.0.0-M2.1, native CPU (OpenBLAS), 2 threads". */
    String describe() {
        String blas = switch (blasVendor.toUpperCase(Locale.ROOT)) {
            case "OPENBLAS" -> "OpenBLAS";
            case "MKL" -> "MKL";
            case "CUBLAS" -> "cuBLAS";
            default -> blasVendor;
        };
        String where = deviceKind.equals("CPU") ? "native CPU" : "CUDA GPU";
        return "ND4J " + version + ", " + where + " (" + blas + "), " + threads
                + (threads == 1 ? " thread" : " threads");
    }
}
