package org.leakbench.bench.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OpenSslReferenceTest {
    @Test
    void readsTheRateInThousandsOfBytes() {
        String out = """
                The 'numbers' are in 1000s of bytes per second processed.
                type          16384 bytes
                AES-128-CTR    7808167.56k
                """;
        assertEquals(7.80816756e9, OpenSslReference.parse(out), 1.0);
    }

    @Test
    void namesWhatItGotWhenTheLineIsMissing() {
        IllegalStateException e = assertThrows(
                IllegalStateException.class, () -> OpenSslReference.parse("speed: Unknown algorithm aes-128-ctr\n"));
        assertTrue(e.getMessage().contains("Unknown algorithm"), e.getMessage());
    }
}
