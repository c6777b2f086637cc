package org.leakbench.fl;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.defense.dp.AdaptiveClipOptions;
import org.leakbench.defense.dp.AdaptiveClipping;
import org.leakbench.defense.dp.ClientDpOptions;
import org.leakbench.defense.dp.ClientLevelDp;
import org.leakbench.defense.dp.Clipping;
import org.leakbench.defense.dp.NoiseSource;
import org.leakbench.defense.dp.NoiseSources;
import org.leakbench.defense.dp.NormHistogram;
import org.leakbench.update.Update;

/**
 * DP-FedAvg's server (McMahan, Ramage, Talwar, Zhang 2018): clips every client's update to C, adds
 * N(0, σ²C²) once to the sum ({@link ClientLevelDp}) and divides by the expected number of participants, so
 * the released model carries user-level DP. The server itself is trusted: it receives each update in the clear.
 * With adaptive clipping (Andrew et al. 2021, {@link AdaptiveClipping}) C starts at the configured norm and follows
 * the target quantile of the update norms from round to round; the updates then get the noise multiplier z_Δ
 * and the clipped count the rest of σ's budget. Holds that state, so use one aggregator per training.
 */
public final class DpFedAvgAggregator implements Aggregator {
    private final ClientDpOptions options;
    private final String noise;
    private final double expectedParticipants;
    private final AdaptiveClipping adaptive;
    private final double updateSigma;
    private final NormHistogram norms;

    /**
     * @param expectedParticipants qW, the expected number of clients in a round (the denominator)
     * @param noise                the Gaussian noise source ({@link NoiseSources#GAUSSIAN_NAMES})
     */
    public DpFedAvgAggregator(ClientDpOptions options, double expectedParticipants, String noise) {
        this(options, expectedParticipants, noise, null, null);
    }

    /**
     * @param adaptive the adaptive clipping options, or null for the fixed norm {@code options.clipNorm()}
     * @param norms    where each client's unclipped update norm goes, or null
     */
    public DpFedAvgAggregator(
            ClientDpOptions options,
            double expectedParticipants,
            String noise,
            AdaptiveClipOptions adaptive,
            NormHistogram norms) {
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
        this.adaptive = adaptive == null ? null : new AdaptiveClipping(adaptive, options.clipNorm());
        this.updateSigma = adaptive == null
                ? options.noiseMultiplier()
                : adaptive.updateNoiseMultiplier(options.noiseMultiplier(), expectedParticipants);
        this.norms = norms;
    }

    @Override
    public Aggregate aggregate(List<Update> updates, SplittableRandom rng) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("aggregation needs at least one update");
        }
        float[][] rows = new float[updates.size()][];
        double[] rowNorms = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            updates.get(0).requireSameShapes(updates.get(i));
            rows[i] = updates.get(i).flatten();
            rowNorms[i] = Clipping.l2Norm(rows[i]);
        }
        if (norms != null) {
            norms.addAll(rowNorms);
        }
        double clip = adaptive == null ? options.clipNorm() : adaptive.clipNorm();
        NoiseSource source = NoiseSources.gaussian(noise, rng);
        ClientLevelDp dp = new ClientLevelDp(new ClientDpOptions(clip, updateSigma), source);
        float[] mean = dp.aggregate(rows, expectedParticipants);
        if (adaptive != null) {
            adaptive.update(rowNorms, expectedParticipants, source);
        }
        return new Aggregate(updates.get(0).withFlat(mean), false, 0, 0);
    }

    /** The clipping norm of the next round: the fixed norm, or where adaptive clipping has moved it. */
    public double clipNorm() {
        return adaptive == null ? options.clipNorm() : adaptive.clipNorm();
    }

    /** The clipping norm each round so far used under adaptive clipping; empty when the norm is fixed. */
    public double[] clipTrajectory() {
        return adaptive == null ? new double[0] : adaptive.trajectory();
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
