package org.leakbench.pipeline;

import java.util.List;
import org.leakbench.data.Dataset;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.FederatedTraining;
import org.leakbench.fl.FlData;
import org.leakbench.fl.FlOptions;
import org.leakbench.fl.HonestButCuriousServer;
import org.leakbench.fl.TrainingHistory;
import org.leakbench.model.ConvModelComponents;
import org.leakbench.model.FrozenBatchNormModel;
import org.leakbench.model.Model;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * The model state a point attacks, from its starting state: after {@code model.pretrain-rounds} rounds of FedAvg
 * on the training split (parameters and BatchNorm running statistics, as the server holds them at that round), and
 * with BatchNorm frozen to those running statistics when {@code model.bn-mode} is {@code eval}. Geiping et al.
 * (NeurIPS 2020) attack trained as well as untrained ResNets in evaluation mode; these two knobs give that setting.
 * Both default to the untouched start, so points that leave them alone keep their numbers.
 */
final class AttackedStart {
    private AttackedStart() {}

    static CaseBuilder.Start of(SweepPoint p, Dataset train, CaseBuilder.Start start, long seed) {
        int rounds = declared(p, ConvModelComponents.PRETRAIN_ROUNDS.name())
                ? p.intValue(ConvModelComponents.PRETRAIN_ROUNDS.name())
                : 0;
        boolean eval = declared(p, ConvModelComponents.BN_MODE.name())
                && "eval".equals(p.string(ConvModelComponents.BN_MODE.name()));
        CaseBuilder.Start s = rounds > 0 ? pretrained(p, train, start, rounds, seed) : start;
        if (!eval) {
            return s;
        }
        Model frozen = new FrozenBatchNormModel(s.model(), s.buffers());
        return new CaseBuilder.Start(frozen, s.params(), List.of(), s.fromFile());
    }

    private static boolean declared(SweepPoint p, String name) {
        return p.params().containsKey(name);
    }

    /** All fl.clients take part in every round, one local epoch each, evaluated on nothing (the attack follows). */
    private static CaseBuilder.Start pretrained(
            SweepPoint p, Dataset train, CaseBuilder.Start start, int rounds, long seed) {
        int clients = Math.min(p.intValue("fl.clients"), train.size());
        FlOptions options = FlOptions.of(
                Algorithm.FEDAVG, clients, clients, rounds, 1, p.intValue("fl.local-batch"), p.doubleValue("fl.lr"));
        FlData data = new FlData(
                train.samples(),
                train.labels(),
                FlData.iidPartition(train.size(), clients, seed),
                new float[0][],
                new int[0]);
        Backend be = start.params().get(0).backend();
        TrainingHistory h = new FederatedTraining(start.model(), be, DType.F32, options, data, null)
                .evaluatingEvery(rounds)
                .run(seed, start.params(), new HonestButCuriousServer(), r -> {});
        List<org.leakbench.tensor.Tensor> buffers = h.finalBuffers().isEmpty() ? start.buffers() : h.finalBuffers();
        return new CaseBuilder.Start(start.model(), h.finalParams(), buffers, start.fromFile());
    }
}
