package org.leakbench.defense.secagg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.leakbench.defense.secagg.SecAggMessage.ForwardedShares;
import org.leakbench.defense.secagg.SecAggMessage.KeyList;

/**
 * Honest clients driven by hand through rounds 0 to 2 with an honest server, so a test can play the server
 * from the unmasking round on. Clients in {@code dropBeforeShares} advertise keys and then go silent.
 */
final class HandDrivenSession {
    static final long SESSION = 42L;
    final SessionParams params;
    final SecAggServer server;
    final List<SecAggClient> clients = new ArrayList<>();
    final List<int[]> inputs;

    HandDrivenSession(NeighbourGraph graph, int threshold, int m, Set<Integer> dropBeforeShares) {
        params = new SessionParams(SESSION, m, 32, threshold, graph);
        MaskPrg prg = new MaskPrg();
        server = new SecAggServer(params, prg);
        inputs = SecAggProtocolTest.inputs(graph.size(), m, 5);
        for (int u = 0; u < graph.size(); u++) {
            clients.add(new SecAggClient(u, params, SecAggProtocolTest.RANDOM, prg));
            server.accept(clients.get(u).advertiseKeys());
        }
        for (KeyList k : server.closeAdvertiseKeys()) {
            clients.get(k.recipient()).receiveKeys(k);
        }
        for (SecAggClient c : clients) {
            if (!dropBeforeShares.contains(c.id())) {
                server.accept(c.shareKeys());
            }
        }
        for (ForwardedShares f : server.closeShareKeys()) {
            clients.get(f.recipient()).receiveShares(f);
        }
        for (SecAggClient c : clients) {
            if (!dropBeforeShares.contains(c.id())) {
                server.accept(c.maskedInput(inputs.get(c.id())));
            }
        }
        server.closeMaskedInput();
    }
}
