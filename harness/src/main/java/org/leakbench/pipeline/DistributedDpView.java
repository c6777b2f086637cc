package org.leakbench.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.data.DataSplit;
import org.leakbench.defense.ddp.DdgCodec;
import org.leakbench.defense.ddp.DdpOptions;
import org.leakbench.defense.secagg.DropoutSchedule;
import org.leakbench.defense.secagg.ProtocolResult;
import org.leakbench.defense.secagg.SecAggConfig;
import org.leakbench.defense.secagg.SecureAggregator;
import org.leakbench.defense.secagg.SecurityMode;
import org.leakbench.model.Model;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

/**
 * What the server sees under {@code ddp-secagg}: the {@code fl.clients} updates (the victim's among them, the
 * others computed as for {@link SecureView}) each encoded by the distributed discrete Gaussian, summed modulo
 * 2^bits by the real secure aggregation protocol, and decoded; the mean of that noisy sum is the observation.
 *
 * @param encodeMillis the victim's encoding time (clip, rotate, round, noise)
 * @param bitsPerCoordinate bits sent per element of the update (modulus bits times the padding overhead)
 */
record DistributedDpView(Update mean, int samples, long bytesPerClient, double encodeMillis, double bitsPerCoordinate) {

    static DistributedDpView aggregate(
            SweepPoint p,
            Model model,
            List<Tensor> params,
            VictimCase c,
            DataSplit data,
            Backend be,
            Update victim,
            SplittableRandom rng) {
        List<float[]> updates = SecureView.clientUpdates(p, model, params, c, data, be, victim);
        int n = updates.size();
        DdpOptions options = UtilityRunner.ddp(p);
        DdgCodec codec = options.codec(n, updates.get(0).length, rng);
        List<int[]> encodings = new ArrayList<>(n);
        double encodeMillis = 0;
        for (float[] u : updates) {
            long t0 = System.nanoTime();
            encodings.add(codec.encode(u, rng.split()));
            if (encodings.size() == 1) {
                encodeMillis = (System.nanoTime() - t0) / 1e6;
            }
        }
        SecAggConfig.Mode mode =
                "secagg+".equals(p.string("ddp.protocol")) ? SecAggConfig.Mode.SECAGG_PLUS : SecAggConfig.Mode.SECAGG;
        SecAggConfig config = SecAggConfig.defaults(mode)
                .withModulusBits(codec.params().bits())
                .withSecurity(SecurityMode.parse(p.string("secagg.security")));
        ProtocolResult r =
                new SecureAggregator().aggregateIntegers(encodings, config, DropoutSchedule.none(), rng.nextLong());
        float[] mean = codec.decodeSum(r.sum());
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= n;
        }
        return new DistributedDpView(
                victim.withFlat(mean),
                n * c.images().length,
                r.cost().sentPerClient()[0],
                encodeMillis,
                codec.params().bitsPerCoordinate());
    }
}
