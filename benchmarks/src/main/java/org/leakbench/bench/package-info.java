/**
 * JMH benchmarks, one class per hot path of the harness. Run one with
 * {@code java -cp <classpath> org.openjdk.jmh.Main <Class>.<method> -f 1 -wi 2 -i 3}.
 */
package org.leakbench.bench;
