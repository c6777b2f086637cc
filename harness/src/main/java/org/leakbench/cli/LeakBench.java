package org.leakbench.cli;

public final class LeakBench {
    public static void main(String[] args) {
        System.out.println("leakbench");
    }
}
