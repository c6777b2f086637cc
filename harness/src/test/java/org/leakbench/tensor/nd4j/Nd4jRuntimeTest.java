package org.leakbench.tensor.nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ND4J's start-up without starting it: the one-sentence failure message and the thread setting. */
class Nd4jRuntimeTest {
    @Test
    void startFailureIsOneSentenceNamingTheMissingLibrary() {
        String printed = "java.lang.UnsatisfiedLinkError: /tmp/cache/libjnind4jcpu.so: libgomp.so.1: cannot open "
                + "shared object file: No such file or directory\n\tat java.base/jdk.internal.loader...";
        Throwable t = new ExceptionInInitializerError(
                new RuntimeException("Please ensure that you have an nd4j " + "backend on your classpath."));
        String m = Nd4jRuntime.message(t, printed);
        assertTrue(m.contains("(libgomp.so.1: cannot open shared object file: No such file or directory)"), m);
        assertTrue(m.contains("--backend java"), m);
        assertFalse(m.contains("\n"), m);
        assertEquals(1, m.split("\\. ").length, m);
        assertTrue(m.endsWith("."), m);
        // without a library name the innermost error is quoted
        String plain =
                Nd4jRuntime.message(new IllegalStateException("outer", new IllegalStateException("no device")), "");
        assertTrue(plain.contains("(IllegalStateException: no device)"), plain);
    }

    @Test
    void threadSettingIsValidated() {
        String key = Nd4jRuntime.THREADS_PROPERTY;
        String before = System.getProperty(key);
        try {
            System.clearProperty(key);
            assertEquals(1, Nd4jRuntime.requestedThreads(), "one thread per op unless asked");
            System.setProperty(key, " 3 ");
            assertEquals(3, Nd4jRuntime.requestedThreads());
            for (String bad : new String[] {"0", "-2", "two", "5000"}) {
                System.setProperty(key, bad);
                IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                        IllegalArgumentException.class, Nd4jRuntime::requestedThreads);
                assertTrue(e.getMessage().contains(key) && e.getMessage().contains("'" + bad + "'"), e.getMessage());
            }
        } finally {
            if (before == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, before);
            }
        }
    }
}
