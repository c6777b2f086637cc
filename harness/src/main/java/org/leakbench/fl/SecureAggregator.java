package org.leakbench.fl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.update.Update;

/** An {@link Aggregator} whose sum comes from a {@link SecureSummation}: the server sees only the mean. */
public final class SecureAggregator implements Aggregator {
    private final SecureSummation protocol;

    public SecureAggregator(SecureSummation protocol) {
        if (protocol == null) {
            throw new IllegalArgumentException("secure aggregator: the protocol must be given");
        }
        this.protocol = protocol;
    }

    @Override
    public Aggregate aggregate(List<Update> updates, SplittableRandom rng) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("aggregation needs at least one update");
        }
        Update first = updates.get(0);
        List<float[]> flat = new ArrayList<>(updates.size());
        for (Update u : updates) {
            first.requireSameShapes(u);
            flat.add(u.flatten());
        }
        SecureSummation.Summed s = protocol.sum(flat, rng);
        if (s.sum().length != first.size()) {
            throw new IllegalStateException("secure summation " + protocol.name() + " returned " + s.sum().length
                    + " values for updates of " + first.size());
        }
        float[] mean = new float[s.sum().length];
        for (int j = 0; j < mean.length; j++) {
            mean[j] = (float) ((double) s.sum()[j] / updates.size());
        }
        return new Aggregate(first.withFlat(mean), true, s.bytesUp(), s.bytesDown());
    }

    @Override
    public boolean revealsIndividualUpdates() {
        return false;
    }

    @Override
    public String name() {
        return "secure-" + protocol.name();
    }
}
