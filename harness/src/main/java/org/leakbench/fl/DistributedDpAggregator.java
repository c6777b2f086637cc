package org.leakbench.fl;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.ddp.DdgCodec;
import org.leakbench.defense.ddp.DdpOptions;
import org.leakbench.update.Update;

/**
 * The server of the distributed discrete Gaussian (Kairouz, Liu, Steinke 2021): every client of the round encodes
 * its update with the round's shared rotation ({@link DdgCodec}), the encodings are summed in Z_{2^b}, and the
 * decoded sum is divided by the number of clients. Secure aggregation's masks cancel exactly in Z_{2^b}, so the
 * modular sum taken here is bit for bit what the protocol would hand the server; the protocol itself (and its
 * cost) runs where the server's view is attacked.
 */
public final class DistributedDpAggregator implements Aggregator {
    private final DdpOptions options;

    public DistributedDpAggregator(DdpOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("distributed DP: options must be given");
        }
        this.options = options;
    }

    @Override
    public Aggregate aggregate(List<Update> updates, SplittableRandom rng) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("aggregation needs at least one update");
        }
        Update first = updates.get(0);
        float[] flat = first.flatten();
        DdgCodec codec = options.codec(updates.size(), flat.length, rng);
        List<int[]> encodings = new ArrayList<>(updates.size());
        for (Update u : updates) {
            first.requireSameShapes(u);
            encodings.add(codec.encode(u == first ? flat : u.flatten(), rng.split()));
        }
        float[] mean = codec.decodeSum(DdpOptions.modularSum(encodings));
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= updates.size();
        }
        return new Aggregate(first.withFlat(mean), false, 0, 0);
    }

    @Override
    public boolean revealsIndividualUpdates() {
        return false;
    }

    @Override
    public String name() {
        return "ddp-secagg";
    }
}
