package org.leakbench.defense.dp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.fl.Algorithm;
import org.leakbench.fl.Client;
import org.leakbench.fl.FlOptions;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ClientData;
import org.leakbench.update.LocalResult;
import org.leakbench.update.Update;

/**
 * DP-SGD samples the way its accountant assumes (Poisson, each row with probability q, divided by q·N), takes
 * exactly the steps that are accounted, and releases pure noise when a Poisson batch comes out empty; shuffling
 * is an explicit option whose ε is flagged as an approximation.
 */
class PoissonSamplingTest {
    private final Backend be = Backends.get("ejml");
    private final Model model = TinyMlpProblem.model();
    private final List<Tensor> params = model.initialParameters(be, DType.F64, new SplittableRandom(1));
    private final float[][] x = new float[40][6];
    private final int[] y = new int[40];

    PoissonSamplingTest() {
        TinyMlpProblem.fill(x, y);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    @Test
    void poissonIsTheDefaultAndItsBatchesHaveRateQ() {
        assertEquals(DpSampling.POISSON, new DpSgdOptions(1, 1).sampling());
        DpSgdSchedule s = DpSgdSchedule.ofEpochs(1000, 50, 30, DpSampling.POISSON);
        assertEquals(0.05, s.sampleRate());
        assertEquals(30 * 20, s.steps());
        DpSgdSchedule.Batches batches = s.batches(range(1000));
        SplittableRandom rng = new SplittableRandom(3);
        long total = 0;
        long squares = 0;
        int steps = 0;
        Set<Integer> sizes = new HashSet<>();
        while (batches.hasNext()) {
            int[] b = batches.next(rng);
            assertEquals(50.0, batches.denominator(b), "divided by the expected batch size q·N");
            total += b.length;
            squares += (long) b.length * b.length;
            sizes.add(b.length);
            steps++;
        }
        assertEquals(s.steps(), steps, "the schedule runs exactly the steps it reports");
        double mean = total / (double) steps;
        double var = squares / (double) steps - mean * mean;
        // Binomial(1000, 0.05): mean 50, variance 47.5; over 600 steps the mean is within 1.
        assertEquals(50, mean, 1.0);
        assertEquals(47.5, var, 10);
        assertTrue(sizes.size() > 10, "batch sizes vary");
    }

    @Test
    void shufflingIsAnOptionThatIsOnlyPoissonApproximate() {
        DpSgdSchedule s = DpSgdSchedule.ofEpochs(10, 4, 2, DpSampling.SHUFFLE);
        assertTrue(s.poissonApproximate());
        assertFalse(DpSgdSchedule.ofEpochs(10, 4, 2, DpSampling.POISSON).poissonApproximate());
        DpSgdSchedule.Batches batches = s.batches(range(10));
        SplittableRandom rng = new SplittableRandom(1);
        int[] lengths = new int[6];
        for (int i = 0; i < 6; i++) {
            int[] b = batches.next(rng);
            lengths[i] = b.length;
            assertEquals(b.length, batches.denominator(b), "divided by the realised size");
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {4, 4, 2, 4, 4, 2}, lengths);
        assertFalse(batches.hasNext());
    }

    @Test
    void anEmptyPoissonBatchReleasesTheNoiseAlone() {
        DpSgdOptions o = new DpSgdOptions(0.5, 2.0);
        List<Tensor> g = DpSgdStep.noisyGradient(
                model, be, DType.F64, params, x, y, new int[0], 4.0, o, new FastGaussianSampler(7));
        float[] flat = Update.fromTensors(g).flatten();
        float[] expected = new float[flat.length];
        new FastGaussianSampler(7).addTo(expected, 2.0 * 0.5);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (float) (expected[i] / 4.0);
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, flat);
        List<Tensor> silent = DpSgdStep.noisyGradient(
                model,
                be,
                DType.F64,
                params,
                x,
                y,
                new int[0],
                4.0,
                new DpSgdOptions(0.5, 0.0),
                new FastGaussianSampler(7));
        for (float v : Update.fromTensors(silent).flatten()) {
            assertEquals(0f, v);
        }
    }

    @Test
    void aFedSgdClientSamplesItsBatchByPoissonAndShufflingKeepsTheFixedSize() {
        ClientData data = new ClientData(0, x, y, range(40));
        FlOptions fl = FlOptions.of(Algorithm.FEDSGD, 1, 1, 1, 1, 8, 0.1);
        Client poissonClient = new Client(data, be, DType.F64, new DpSgdTraining(new DpSgdOptions(1, 1)));
        Client shuffleClient = new Client(
                data, be, DType.F64, new DpSgdTraining(new DpSgdOptions(1, 1).withSampling(DpSampling.SHUFFLE)));
        Set<Integer> poisson = new HashSet<>();
        Set<Integer> shuffled = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            LocalResult r = poissonClient.computeUpdate(model, params, fl, new SplittableRandom(seed));
            poisson.add(r.examples());
            LocalResult s = shuffleClient.computeUpdate(model, params, fl, new SplittableRandom(seed));
            shuffled.add(s.examples());
        }
        assertTrue(poisson.size() > 3, "Poisson batch sizes vary: " + poisson);
        assertEquals(Set.of(8), shuffled);
        DpSgdTraining dp = new DpSgdTraining(new DpSgdOptions(1, 1));
        DpSgdSchedule round = dp.gradientSchedule(40, 8);
        assertEquals(0.2, round.sampleRate());
        assertEquals(1, round.steps(), "FedSGD: one noisy step per round");
        assertEquals(15, dp.epochSchedule(40, 8, 3).steps(), "3 epochs of 5 steps");
    }
}
