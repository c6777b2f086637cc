package org.leakbench.pipeline;

import org.leakbench.component.Capability;
import org.leakbench.component.ParameterView;
import org.leakbench.defense.DefenseComponent;

/**
 * Refuses, before anything runs, secure aggregation (SecAgg, SecAgg+, distributed DP on top of them) with fewer
 * than 3 clients (Bonawitz et al., CCS 2017). With one client the sum the server unmasks is the victim's update;
 * with two, each client learns the other's update by subtracting its own, and the protocol's threshold (more
 * than half of the clients must survive) leaves no client that may drop out. Either way the point would report
 * a defense that does not exist.
 */
final class SecureAggregationCheck {
    static final int MIN_CLIENTS = 3;
    private static final String CLIENTS = "fl.clients";

    private SecureAggregationCheck() {}

    /** Why {@code p}'s defense cannot aggregate its clients, or null. */
    static String refusal(ParameterView p) {
        DefenseComponent defense = ChosenComponents.defense(p);
        if (!defense.does(Capability.AGGREGATES_SECURELY)) {
            return null;
        }
        int clients = p.intValue(CLIENTS);
        if (clients >= MIN_CLIENTS) {
            return null;
        }
        return "defense " + defense.name() + " needs " + CLIENTS + " >= " + MIN_CLIENTS + ", got " + clients + ": "
                + (clients == 1
                        ? "the sum of one client's update is that update"
                        : "with two clients each learns the other's update from the sum, and the protocol's "
                                + "threshold (a majority of the clients) lets none drop out");
    }
}
