package org.leakbench.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SecAggServer;
import org.leakbench.defense.secagg.SecurityMode;
import org.leakbench.defense.secagg.UnmaskWork;

/** A replayed session unmasks with the work of the recorded one, at the replay's length. */
class UnmaskingSessionTest {
    @ParameterizedTest
    @EnumSource(SecAggConfig.Mode.class)
    void theReplayDoesTheRecordedSessionsWorkAtItsOwnLength(SecAggConfig.Mode mode) {
        UnmaskingSession.Recorded once = UnmaskingSession.record(SecAggConfig.defaults(mode), 40, 0.1, 7);
        SecAggServer original = once.result().server();
        UnmaskWork recorded = original.lastUnmaskWork();
        SecAggServer replayed =
                UnmaskingSession.replay(once.toServer(), original.params(), 5000, new SplittableRandom(7));
        assertEquals(5000, replayed.closeUnmasking().length);
        assertEquals(recorded, replayed.lastUnmaskWork());
        assertArrayEquals(original.includedClients(), replayed.includedClients());
        assertEquals(36, replayed.includedClients().length, "4 of 40 clients dropped");
        // Unmasking again is what the benchmark times: the same work each time.
        replayed.closeUnmasking();
        assertEquals(recorded, replayed.lastUnmaskWork());
    }

    @Test
    void droppedIdsAreSpreadOverTheClients() {
        assertArrayEquals(new int[] {0, 10, 20, 30}, UnmaskingSession.dropped(40, 0.1));
        assertArrayEquals(new int[0], UnmaskingSession.dropped(40, 0.0));
    }

    @Test
    void activeSessionsAreRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> UnmaskingSession.record(
                        SecAggConfig.defaults(SecAggConfig.Mode.SECAGG).withSecurity(SecurityMode.ACTIVE), 10, 0.1, 1));
    }
}
