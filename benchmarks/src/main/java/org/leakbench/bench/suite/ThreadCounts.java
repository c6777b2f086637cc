package org.leakbench.bench.suite;

import org.leakbench.tensor.cpu.JavaBackend;

/**
 * The thread counts a suite run is measured with, each set explicitly and recorded: JMH's (operations run at
 * once), ND4J's (OpenMP threads per op) and the java backend's (threads per op).
 */
public record ThreadCounts(int jmh, int nd4j, int java) {
    static final String JMH = "jmh.threads";
    static final String ND4J = "leakbench.nd4j.threads";
    static final String JAVA = JavaBackend.THREADS_PROPERTY;
    /** {@link #JAVA} from when the java backend was called ejml; read when JAVA is not set. */
    static final String FORMER_JAVA = "leakbench.ejml.threads";

    /** One thread everywhere: every backend and PyTorch on the same footing, and steady on a busy machine. */
    public static final ThreadCounts SINGLE = new ThreadCounts(1, 1, 1);

    public ThreadCounts {
        if (jmh < 1 || nd4j < 1 || java < 1) {
            throw new IllegalArgumentException(
                    "thread counts must be >= 1, got JMH " + jmh + ", ND4J " + nd4j + ", java " + java);
        }
    }

    /** The JVM options that hand the backend counts to a forked benchmark JVM. */
    String[] forkArgs() {
        return new String[] {"-D" + ND4J + "=" + nd4j, "-D" + JAVA + "=" + java};
    }
}
