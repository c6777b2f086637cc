package org.leakbench.fl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.DefenseChain;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.defense.compress.QuantizationOptions;
import org.leakbench.defense.compress.RandomKCompression;
import org.leakbench.defense.compress.SparsificationOptions;
import org.leakbench.defense.compress.StochasticQuantization;
import org.leakbench.defense.compress.TopKCompression;
import org.leakbench.defense.dp.DpSgdOptions;
import org.leakbench.defense.dp.DpSgdTraining;
import org.leakbench.model.HeldOutScore;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.Update;

class FederatedTrainingTest {
    private static final Backend BE = Backends.get("ejml");
    private static final FlData DATA = SyntheticBlobs.data(400, 200, 10, 42);

    private static FederatedTraining training(Model model, FlOptions o, UpdateDefense d) {
        return new FederatedTraining(model, BE, DType.F32, o, DATA, d);
    }

    @Test
    void fedSgdLearnsSeparableData() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 5, 40, 1, 16, 0.5);
        TrainingHistory h =
                training(SyntheticBlobs.logistic(), o, UpdateDefense.none()).run(1);
        assertEquals(40, h.rounds());
        assertTrue(h.finalAccuracy() >= 0.9, "FedSGD accuracy " + h.finalAccuracy());
        assertTrue(h.testAccuracy()[0] < h.finalAccuracy(), "accuracy improves over rounds");
    }

    @Test
    void theTestLossIsThatOfTheFinalModelAndFallsWithTraining() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 5, 12, 1, 16, 0.5);
        Model model = SyntheticBlobs.logistic();
        TrainingHistory h =
                training(model, o, UpdateDefense.none()).evaluatingEvery(4).run(3);
        HeldOutScore last =
                HeldOutScore.of(model, BE, DType.F32, h.finalParams(), DATA.testSamples(), DATA.testLabels(), 500);
        assertEquals(last, h.finalScore());
        assertTrue(Double.isNaN(h.testLoss()[0]), "round 1 was not evaluated");
        assertTrue(h.testLoss()[3] > h.finalLoss(), "loss falls: " + Arrays.toString(h.testLoss()));
    }

    @Test
    void evaluatingOnlyAtTheEndChangesNothingButTheSkippedRounds() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 5, 12, 1, 16, 0.5);
        TrainingHistory every =
                training(SyntheticBlobs.logistic(), o, UpdateDefense.none()).run(4);
        TrainingHistory sparse = training(SyntheticBlobs.logistic(), o, UpdateDefense.none())
                .evaluatingEvery(5)
                .run(4);
        for (int r = 0; r < 12; r++) {
            boolean evaluated = r == 4 || r == 9 || r == 11;
            assertEquals(evaluated ? every.testAccuracy()[r] : Double.NaN, sparse.testAccuracy()[r], "round " + r);
        }
        assertEquals(every.finalAccuracy(), sparse.finalAccuracy());
        assertThrows(
                IllegalArgumentException.class,
                () -> training(SyntheticBlobs.logistic(), o, UpdateDefense.none())
                        .evaluatingEvery(0));
    }

    @Test
    void dpSgdClientsStillLearnAndMoreNoiseCostsAccuracy() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 10, 40, 1, 16, 0.5);
        double moderate = training(SyntheticBlobs.logistic(), o, UpdateDefense.none())
                .withLocalTraining(new DpSgdTraining(new DpSgdOptions(1.0, 0.5)))
                .run(5)
                .finalAccuracy();
        double heavy = training(SyntheticBlobs.logistic(), o, UpdateDefense.none())
                .withLocalTraining(new DpSgdTraining(new DpSgdOptions(1.0, 64)))
                .run(5)
                .finalAccuracy();
        assertTrue(moderate >= 0.85, "DP-SGD with sigma 0.5: " + moderate);
        assertTrue(
                heavy < moderate - 0.1, "sigma 64 (" + heavy + ") should cost accuracy against 0.5 (" + moderate + ")");
        FlOptions avg = FlOptions.of(Algorithm.FEDAVG, 10, 5, 6, 1, 8, 0.1);
        double fedAvg = training(SyntheticBlobs.mlp(), avg, UpdateDefense.none())
                .withLocalTraining(new DpSgdTraining(new DpSgdOptions(1.0, 0.3)))
                .run(6)
                .finalAccuracy();
        assertTrue(fedAvg >= 0.8, "FedAvg with DP-SGD local steps: " + fedAvg);
    }

    @Test
    void fedAvgLearnsSeparableData() {
        FlOptions o = FlOptions.of(Algorithm.FEDAVG, 10, 4, 8, 2, 8, 0.1);
        TrainingHistory h =
                training(SyntheticBlobs.mlp(), o, UpdateDefense.none()).run(2);
        assertTrue(h.finalAccuracy() >= 0.9, "FedAvg accuracy " + h.finalAccuracy());
    }

    @Test
    void fedAvgLearnsThroughTopKWithErrorFeedback() {
        FlOptions o = FlOptions.of(Algorithm.FEDAVG, 10, 5, 10, 1, 8, 0.1);
        TopKCompression topk = new TopKCompression(new SparsificationOptions(0.1, true));
        TrainingHistory h = training(SyntheticBlobs.logistic(), o, topk).run(3);
        assertTrue(h.finalAccuracy() >= 0.85, "FedAvg + top-10% accuracy " + h.finalAccuracy());
        long params = SyntheticBlobs.logistic().parameterCount();
        long k = (long) Math.ceil(0.1 * params);
        for (int r = 0; r < h.rounds(); r++) {
            assertEquals(5 * 8 * k, h.bytesUp()[r], "top-k upload in round " + r);
            assertEquals(5 * 4 * params, h.bytesDown()[r], "download in round " + r);
        }
    }

    @Test
    void sameSeedSameBitsWhateverTheThreads() {
        UpdateDefense defense = DefenseChain.of(
                new StochasticQuantization(new QuantizationOptions(6)),
                new RandomKCompression(new SparsificationOptions(0.5, true)));
        FlOptions serial = new FlOptions(Algorithm.FEDAVG, 10, 4, 4, 1, 8, 0.1, 1.0, 1);
        FlOptions parallel = new FlOptions(Algorithm.FEDAVG, 10, 4, 4, 1, 8, 0.1, 1.0, 4);
        TrainingHistory a = training(SyntheticBlobs.mlp(), serial, defense).run(7);
        TrainingHistory b = training(SyntheticBlobs.mlp(), parallel, defense).run(7);
        TrainingHistory c = training(SyntheticBlobs.mlp(), parallel, defense).run(8);
        assertArrayEquals(flat(a.finalParams()), flat(b.finalParams()));
        assertArrayEquals(a.testAccuracy(), b.testAccuracy());
        assertArrayEquals(a.bytesUp(), b.bytesUp());
        assertFalse(Arrays.equals(flat(a.finalParams()), flat(c.finalParams())), "another seed, other parameters");
    }

    @Test
    void samplesTheRequestedNumberOfDistinctClients() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 3, 30, 1, 4, 0.1);
        FederatedTraining t = training(SyntheticBlobs.logistic(), o, UpdateDefense.none());
        List<int[]> seen = new ArrayList<>();
        t.run(5, new HonestButCuriousServer(), r -> seen.add(r.participants()));
        assertEquals(30, seen.size());
        Set<Integer> everyone = new HashSet<>();
        for (int r = 0; r < seen.size(); r++) {
            int[] p = seen.get(r);
            assertEquals(3, p.length, "round " + r);
            assertEquals(3, Arrays.stream(p).distinct().count(), "distinct in round " + r);
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, p, "ascending in round " + r);
            assertArrayEquals(p, t.participants(5, r), "participants() replays round " + r);
            Arrays.stream(p).forEach(everyone::add);
        }
        assertEquals(10, everyone.size(), "every client is sampled at some point in 30 rounds");
        assertEquals(3, FlOptions.clientsForFraction(10, 0.3));
        assertEquals(1, FlOptions.clientsForFraction(10, 0.01));
    }

    @Test
    void plainUploadIsFourBytesPerParameter() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 2, 2, 1, 4, 0.1);
        TrainingHistory h =
                training(SyntheticBlobs.logistic(), o, UpdateDefense.none()).run(1);
        long params = SyntheticBlobs.logistic().parameterCount();
        assertEquals(2 * 4 * params, h.bytesUp()[0]);
        assertTrue(h.nanos()[0] > 0);
    }

    static float[] flat(List<Tensor> params) {
        return Update.fromTensors(params).flatten();
    }
}
