package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Secure aggregation with fewer than 3 clients is refused at set-up with the reason, from 3 on it is accepted. */
class SecureAggregationCheckTest {
    private static String sweep(String defense, int clients) {
        return TinySweeps.header("secagg-clients", "1") + TinySweeps.fashionGrid("""
                fl.clients: [%d]
                attacks: [oracle]
                defenses: [%s]
                """.formatted(clients, defense));
    }

    private static String refusal(String defense, int clients) {
        return assertThrows(
                        IllegalArgumentException.class,
                        () -> new PipelineFactory().create(TinySweeps.parse(sweep(defense, clients), "s.yaml")))
                .getMessage();
    }

    @Test
    void oneOrTwoClientsAreRefusedWithTheReason() {
        assertEquals(
                "defense secagg needs fl.clients >= 3, got 1: the sum of one client's update is that update",
                refusal("secagg", 1));
        assertEquals(
                "defense secagg+ needs fl.clients >= 3, got 2: with two clients each learns the other's update from "
                        + "the sum, and the protocol's threshold (a majority of the clients) lets none drop out",
                refusal("secagg+", 2));
        String ddp = refusal("{name: ddp-secagg, param: [2.0], clip: [1.0]}", 2);
        assertEquals(true, ddp.startsWith("defense ddp-secagg needs fl.clients >= 3, got 2"), ddp);
    }

    @Test
    void threeClientsAndUndefendedPairsAreAccepted() {
        new PipelineFactory().create(TinySweeps.parse(sweep("secagg", 3), "s.yaml"));
        new PipelineFactory().create(TinySweeps.parse(sweep("none", 1), "s.yaml"));
        new PipelineFactory().create(TinySweeps.parse(sweep("{name: noise, param: [0.01]}", 2), "s.yaml"));
    }
}
