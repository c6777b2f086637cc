package org.leakbench.fl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.update.Update;

/** The plain mean: the server receives every update in the clear. Sums in double, in the given order. */
public final class MeanAggregator implements Aggregator {
    @Override
    public Aggregate aggregate(List<Update> updates, SplittableRandom rng) {
        return new Aggregate(mean(updates), false, 0, 0);
    }

    /** The element-wise mean of equally shaped updates, keeping the first one's metadata. */
    public static Update mean(List<Update> updates) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("aggregation needs at least one update");
        }
        Update first = updates.get(0);
        List<float[]> out = new ArrayList<>(first.values().size());
        for (int t = 0; t < first.values().size(); t++) {
            double[] acc = new double[first.values().get(t).length];
            for (Update u : updates) {
                first.requireSameShapes(u);
                float[] v = u.values().get(t);
                for (int j = 0; j < acc.length; j++) {
                    acc[j] += v[j];
                }
            }
            float[] m = new float[acc.length];
            for (int j = 0; j < acc.length; j++) {
                m[j] = (float) (acc[j] / updates.size());
            }
            out.add(m);
        }
        return first.withValues(out);
    }

    @Override
    public boolean revealsIndividualUpdates() {
        return true;
    }

    @Override
    public String name() {
        return "mean";
    }
}
