package org.leakbench.pipeline;

import java.util.SplittableRandom;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DirichletPartition;
import org.leakbench.data.IidPartition;
import org.leakbench.data.Partitioner;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.FederatedTraining;
import org.leakbench.fl.FlData;
import org.leakbench.fl.FlOptions;
import org.leakbench.fl.TrainingHistory;
import org.leakbench.model.Model;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;

/**
 * The utility side of a point: federated training of the same model with the same defense on every
 * client's update, over {@code fl.rounds} rounds, scored by test accuracy. The attack observes the first
 * round; utility is what the defense leaves of the trained model.
 */
public final class UtilityRunner {
    private UtilityRunner() {
    }

    public static TrainingHistory train(SweepPoint p, DataSplit data, Model model, Backend be, UpdateDefense defense,
                                        long seed) {
        int clients = p.intValue("fl.clients");
        Partitioner partitioner = "dirichlet".equals(p.string("fl.partition"))
                ? new DirichletPartition(p.doubleValue("fl.alpha")) : new IidPartition();
        int[][] partition = partitioner.split(data.train().labels(), data.train().numClasses(), clients,
                new SplittableRandom(seed ^ 0x5DEECE66DL));
        FlData fl = new FlData(data.train().samples(), data.train().labels(), partition, data.test().samples(),
                data.test().labels());
        Algorithm algorithm = "fedavg".equals(p.string("fl")) ? Algorithm.FEDAVG : Algorithm.FEDSGD;
        FlOptions options = new FlOptions(algorithm, clients, clients, p.intValue("fl.rounds"), 1,
                p.intValue("fl.local-batch"), p.doubleValue("fl.lr"), 1.0, 1);
        // Only the final accuracy goes into the row: evaluate once, after the last round.
        FederatedTraining training = new FederatedTraining(model, be, DType.F32, options, fl, defense)
                .evaluatingEvery(options.rounds());
        if ("dp-sgd".equals(p.string("defense"))) {
            training = training.withDpSgd(new DpSgdOptions(p.doubleValue("defense.clip"),
                    p.doubleValue("defense.param")));
        }
        return training.run(seed);
    }

    /**
     * The DP-SGD steps each client takes over the run and their sampling rate q (batch over the client's rows),
     * for the accountant. Fixed-size batches drawn without replacement are accounted as Poisson sampling at the
     * same rate, as Opacus and TF Privacy tutorials do.
     */
    public static double[] dpSgdStepsAndRate(SweepPoint p, int trainRows) {
        int rows = Math.max(1, trainRows / p.intValue("fl.clients"));
        int batch = Math.min(rows, p.intValue("fl.local-batch"));
        double q = batch / (double) rows;
        long perRound = "fedavg".equals(p.string("fl")) ? (rows + batch - 1) / batch : 1;
        return new double[] {perRound * p.intValue("fl.rounds"), q};
    }
}
