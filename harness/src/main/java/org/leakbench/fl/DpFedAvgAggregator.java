package org.leakbench.fl;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.ClientLevelDp;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.update.Update;

/**
 * DP-FedAvg's server (McMahan, Ramage, Talwar, Zhang 2018): clips every client's update to C, adds
 * N(0, σ²C²) once to the sum ({@link ClientLevelDp}) and divides by the expected number of participants, so
 * the released model carries user-level DP. The server itself is trusted: it receives each update in the clear.
 */
public final class DpFedAvgAggregator implements Aggregator {
    private final ClientDpOptions options;
    private final String noise;
    private final double expectedParticipants;

    /**
     * @param expectedParticipants qW, the expected number of clients in a round (the denominator)
     * @param noise                the Gaussian noise source ({@link NoiseSources#GAUSSIAN_NAMES})
     */
    public DpFedAvgAggregator(ClientDpOptions options, double expectedParticipants, String noise) {
        if (options == null) {
            throw new IllegalArgumentException("DP-FedAvg: options must be given");
        }
        if (!(expectedParticipants > 0) || Double.isInfinite(expectedParticipants)) {
            throw new IllegalArgumentException(
                    "DP-FedAvg: expected participants must be finite and > 0, got " + expectedParticipants);
        }
        if (!NoiseSources.GAUSSIAN_NAMES.contains(noise)) {
            throw new IllegalArgumentException(
                    "dp.noise must be one of " + NoiseSources.GAUSSIAN_NAMES + ", got '" + noise + "'");
        }
        this.options = options;
        this.noise = noise;
        this.expectedParticipants = expectedParticipants;
    }

    @Override
    public Aggregate aggregate(List<Update> updates, SplittableRandom rng) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("aggregation needs at least one update");
        }
        float[][] rows = new float[updates.size()][];
        for (int i = 0; i < rows.length; i++) {
            updates.get(0).requireSameShapes(updates.get(i));
            rows[i] = updates.get(i).flatten();
        }
        ClientLevelDp dp = new ClientLevelDp(options, NoiseSources.gaussian(noise, rng));
        return new Aggregate(updates.get(0).withFlat(dp.aggregate(rows, expectedParticipants)), false, 0, 0);
    }

    @Override
    public boolean revealsIndividualUpdates() {
        return true;
    }

    @Override
    public String name() {
        return "dp-fedavg";
    }
}
