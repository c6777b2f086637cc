package org.leakbench.fl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.defense.UpdateDefense;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.Sgd;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;
import org.leakbench.update.ObservedRound;
import org.leakbench.update.Update;

class ThreatModelTest {
    private static final Backend BE = Backends.get("ejml");
    private static final FlData DATA = SyntheticBlobs.data(400, 100, 10, 43);

    private static RoundRecord record(FederatedTraining t, long seed, int round, ThreatModel threat) {
        RoundRecord[] out = new RoundRecord[1];
        t.run(seed, threat, r -> {
            if (r.round() == round) {
                out[0] = r;
            }
        });
        return out[0];
    }

    @Test
    void curiousClientRecoversTheSumOfTheOthers() {
        for (Algorithm algorithm : Algorithm.values()) {
            FlOptions o = new FlOptions(algorithm, 10, 4, 3, 1, 8, 0.2, 0.7, 0);
            FederatedTraining t =
                    new FederatedTraining(SyntheticBlobs.mlp(), BE, DType.F32, o, DATA, UpdateDefense.none());
            RoundRecord r = record(t, 9, 2, new HonestButCuriousServer());
            int self = r.participants()[1];
            ObservedRound seen = new CuriousClient().observe(r, self);

            float[] expected = new float[r.updates().get(0).size()];
            int rows = 0;
            for (int i = 0; i < r.participants().length; i++) {
                if (r.participants()[i] != self) {
                    float[] u = r.updates().get(i).flatten();
                    for (int j = 0; j < u.length; j++) {
                        expected[j] += u[j];
                    }
                    rows += r.examples()[i];
                }
            }
            float[] got = seen.observedUpdate().flatten();
            double scale = 0;
            for (float v : expected) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int j = 0; j < expected.length; j++) {
                assertEquals(expected[j], got[j], 1e-4 * Math.max(1, scale), algorithm + ", entry " + j);
            }
            assertEquals(3, seen.contributingClients().length);
            assertTrue(java.util.Arrays.stream(seen.contributingClients()).noneMatch(c -> c == self));
            assertEquals(rows, seen.batchSize());
            assertEquals(
                    algorithm == Algorithm.FEDSGD ? Update.Kind.GRADIENT : Update.Kind.WEIGHT_DIFFERENCE, seen.kind());
            // The same through the simulation's observe().
            assertArrayEquals(
                    got,
                    t.observe(9, 2, self, new CuriousClient()).observedUpdate().flatten());
        }
    }

    @Test
    void honestButCuriousServerSeesTheVictimsUpdate() {
        FlOptions o = FlOptions.of(Algorithm.FEDAVG, 10, 3, 2, 1, 8, 0.1);
        FederatedTraining t =
                new FederatedTraining(SyntheticBlobs.logistic(), BE, DType.F32, o, DATA, UpdateDefense.none());
        RoundRecord r = record(t, 4, 1, new HonestButCuriousServer());
        int victim = r.participants()[2];
        ObservedRound seen = t.observe(4, 1, victim, new HonestButCuriousServer());
        assertArrayEquals(r.updates().get(2).flatten(), seen.observedUpdate().flatten());
        assertArrayEquals(new int[] {victim}, seen.contributingClients());
        assertEquals(40, seen.batchSize(), "a FedAvg client's 40 rows");
        assertEquals(5, seen.localSteps(), "1 epoch of 40 rows in batches of 8");
        assertEquals(0.1, seen.lr());
        int absent = java.util.stream.IntStream.range(0, 10)
                .filter(c -> java.util.Arrays.stream(r.participants()).noneMatch(p -> p == c))
                .findFirst()
                .orElseThrow();
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new HonestButCuriousServer().observe(r, absent));
        assertTrue(e.getMessage().contains("did not take part"), e.getMessage());
    }

    @Test
    void secureAggregationShowsTheServerOnlyTheMean() {
        SecureSummation plainSum = new SecureSummation() {
            @Override
            public Summed sum(List<float[]> inputs, SplittableRandom rng) {
                float[] s = new float[inputs.get(0).length];
                for (float[] v : inputs) {
                    for (int j = 0; j < s.length; j++) {
                        s[j] += v[j];
                    }
                }
                return new Summed(s, 1000L * inputs.size(), 77);
            }

            @Override
            public String name() {
                return "test-sum";
            }
        };
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 4, 2, 1, 8, 0.1);
        FederatedTraining t = new FederatedTraining(
                SyntheticBlobs.logistic(),
                BE,
                DType.F32,
                o,
                DATA,
                UpdateDefense.none(),
                new SecureAggregator(plainSum));
        RoundRecord r = record(t, 6, 0, new HonestButCuriousServer());
        ObservedRound seen = new HonestButCuriousServer().observe(r, r.participants()[0]);
        float[] mean = MeanAggregator.mean(r.updates()).flatten();
        float[] got = seen.observedUpdate().flatten();
        for (int j = 0; j < mean.length; j++) {
            assertEquals(mean[j], got[j], 1e-6);
        }
        assertArrayEquals(r.participants(), seen.contributingClients());
        assertEquals(4 * 8, seen.batchSize());
        TrainingHistory h = t.run(6);
        assertEquals(4000, h.bytesUp()[0], "the protocol's upload replaces the plain one");
        assertEquals(4 * 4 * SyntheticBlobs.logistic().parameterCount() + 77, h.bytesDown()[0]);
    }

    @Test
    void clientsComputeOnTheMaliciousServersModel() {
        // Batch 64 > the 40 rows of each client, so a FedSGD update is the gradient on all its rows.
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 3, 3, 1, 64, 0.1);
        Model model = SyntheticBlobs.logistic();
        FederatedTraining t = new FederatedTraining(model, BE, DType.F64, o, DATA, UpdateDefense.none());
        List<List<Tensor>> replacements = new ArrayList<>();
        MaliciousServer server = new MaliciousServer(1, params -> {
            List<Tensor> out = new ArrayList<>();
            for (Tensor p : params) {
                out.add(BE.addScalar(BE.scale(p, -2.0), 0.3));
            }
            replacements.add(out);
            return out;
        });
        RoundRecord r = record(t, 12, 1, server);
        List<Tensor> sent = replacements.get(0);
        int victim = r.participants()[0];
        ObservedRound seen = server.observe(r, victim);
        assertSame(sent.get(0), seen.globalParams().get(0), "the observation holds the parameters sent");

        int[] rows = DATA.partition()[victim];
        Tensor x =
                Sgd.batch(BE, DType.F64, DATA.trainSamples(), rows, model.spec().inputShape());
        List<Tensor> expected =
                Gradients.of(model, sent, x, Sgd.pick(DATA.trainLabels(), rows)).gradient();
        float[] want = Update.fromTensors(expected).flatten();
        float[] got = seen.observedUpdate().flatten();
        for (int j = 0; j < want.length; j++) {
            assertEquals(want[j], got[j], 1e-5, "gradient entry " + j);
        }
        assertArrayEquals(
                FederatedTrainingTest.flat(r.paramsBefore()),
                FederatedTrainingTest.flat(r.paramsAfter()),
                "the tampered round does not move the global model");
    }

    @Test
    void maliciousServerMaySendAnotherArchitecture() {
        FlOptions o = FlOptions.of(Algorithm.FEDSGD, 10, 2, 2, 1, 8, 0.1);
        Model honest = SyntheticBlobs.logistic();
        Model imprint = SyntheticBlobs.mlp();
        FederatedTraining t = new FederatedTraining(honest, BE, DType.F32, o, DATA, UpdateDefense.none());
        MaliciousServer server =
                new MaliciousServer(0, imprint, p -> imprint.initialParameters(BE, DType.F32, new SplittableRandom(1)));
        RoundRecord r = record(t, 3, 0, server);
        ObservedRound seen = server.observe(r, r.participants()[1]);
        assertSame(imprint, seen.model());
        assertEquals(imprint.parameterCount(), seen.observedUpdate().size());
        MaliciousServer wrong = new MaliciousServer(0, imprint, p -> p);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.run(3, wrong, x -> {}));
        assertTrue(e.getMessage().contains("malicious server"), e.getMessage());
    }
}
