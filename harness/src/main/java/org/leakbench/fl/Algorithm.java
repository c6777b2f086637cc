package org.leakbench.fl;

import java.util.Locale;

/** How clients train and what they send. */
public enum Algorithm {
    /** One gradient per client per round on a batch of its rows (McMahan et al. 2017, FedSGD). */
    FEDSGD,
    /** Local SGD epochs; the client sends θ_global − θ_local (McMahan et al. 2017, FederatedAveraging). */
    FEDAVG;

    /** "fedsgd" or "fedavg", any case. */
    public static Algorithm parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "fedsgd" -> FEDSGD;
            case "fedavg" -> FEDAVG;
            default ->
                throw new IllegalArgumentException("fl.algorithm: unknown '" + name + "'; choose fedsgd or fedavg");
        };
    }
}
