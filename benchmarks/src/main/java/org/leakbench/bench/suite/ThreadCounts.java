package org.leakbench.bench.suite;

import org.leakbench.tensor.cpu.JavaBackend;


/**
 * The thread counts a suite run is measured with, each set explicitly and recorded: JMH's (operations run at
 * once), ND4J's (OpenMP threads per op) and the ejml backend's (threads per op).
 */
public record ThreadCounts(int jmh, int nd4j, int ejml) {
    static final String JMH = "jmh.threads";
    static final String ND4J = "leakbench.nd4j.threads";
    static final String EJML = JavaBackend.THREADS_PROPERTY;

    /** One thread everywhere: every backend and PyTorch on the same footing, and steady on a busy machine. */
    public static final ThreadCounts SINGLE = new ThreadCounts(1, 1, 1);

    public ThreadCounts {
        if (jmh < 1 || nd4j < 1 || ejml < 1) {
            throw new IllegalArgumentException("thread counts must be >= 1, got JMH " + jmh + ", ND4J " + nd4j
                    + ", ejml " + ejml);
        }
    }

    /** The JVM options that hand the backend counts to a forked benchmark JVM. */
    String[] forkArgs() {
        return new String[] {"-D" + ND4J + "=" + nd4j, "-D" + EJML + "=" + ejml};
    }
}
