package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.data.DataDirectory;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Sha256;
import org.leakbench.model.Gradients;
import org.leakbench.model.Sgd;
import org.leakbench.model.io.InitialWeights;
import org.leakbench.model.io.SafetensorsWriter;
import org.leakbench.model.io.StoredDType;
import org.leakbench.model.io.StoredTensor;
import org.leakbench.model.io.TorchWeights;
import org.leakbench.results.ProvenanceFile;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.sweep.Sweep;
import org.leakbench.sweep.SweepParser;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * {@code model.init}: a sweep whose victim starts from a weight file computes what the in-memory model with those
 * weights computes (update, reconstruction, utility), records the file in its provenance, resolves a relative name
 * against the sweep file, and refuses a file that does not fit before any point runs.
 */
class ModelInitSweepTest {
    static final Backend BE = Backends.get("ejml");
    static final String KEYS = "fl.clients: [2]\nfl.rounds: [1]\nattacks: [analytic, {name: dlg, iterations: [5]}]\n";

    @TempDir
    Path dir;

    static Sweep sweep(String keys) {
        return TinySweeps.parse(TinySweeps.header("init", "1") + TinySweeps.fashionGrid(keys), "init.yaml");
    }

    static DataSplit data(SweepPoint p) {
        return DataShapes.of(p).apply(ChosenComponents.dataset(p).load(DataDirectory.get(), p));
    }

    /** The point's model with parameters drawn from {@code seed}, written to {@code file}. */
    static CaseBuilder.Start write(SweepPoint p, long seed, Path file) {
        CaseBuilder.Start s = CaseBuilder.start(p, data(p), BE, new SplittableRandom(seed));
        new InitialWeights(s.params(), s.buffers()).save(s.model(), file, Map.of());
        return s;
    }

    @Test
    void theExportedSeededStartGivesTheSameRowsAsNoFile() throws IOException {
        Path file = dir.resolve("w.safetensors");
        WeightsExport.export(sweep(""), file);
        Map<String, Map<String, String>> seeded = rows(sweep(KEYS), "seeded");
        Map<String, Map<String, String>> loaded = rows(sweep(KEYS + "model.init: [" + file + "]\n"), "loaded");
        for (String attack : List.of("analytic", "dlg")) {
            for (String column : List.of("psnr", "mse", "label_acc", "accuracy", "bytes_up")) {
                assertEquals(seeded.get(attack).get(column), loaded.get(attack).get(column), attack + " " + column);
            }
            assertEquals(file.toString(), loaded.get(attack).get("model_init"));
            assertEquals("", seeded.get(attack).get("model_init"));
        }
    }

    @Test
    void otherWeightsGiveTheInMemoryModelsUpdateAndAreRecorded() throws IOException {
        Path file = dir.resolve("other.safetensors");
        Sweep sweep = sweep(KEYS + "model.init: [" + file + "]\n");
        SweepPoint p = sweep.points().get(0);
        CaseBuilder.Start mine = write(p, 9, file);
        Map<String, String> recorded = new HashMap<>();
        DataSplit data = data(p);
        CaseBuilder.Start start =
                CaseBuilder.start(p, data, BE, new SplittableRandom(1), ModelInit.check(sweep), recorded::put);
        assertEquals(Map.of(file.toString(), Sha256.of(file)), recorded);
        int[] idx = VictimDraw.indices(data.test(), 1, 7, 1, 0, 0L);
        VictimCase c = CaseBuilder.build(p, data, BE, start, idx);
        Tensor x = Sgd.batch(
                BE, DType.F32, data.test().samples(), idx, mine.model().spec().inputShape());
        List<Tensor> expected =
                Gradients.of(mine.model(), mine.params(), x, c.labels()).gradient();
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(
                    mine.params().get(i).toDoubleArray(), c.params().get(i).toDoubleArray(), 0.0);
            assertArrayEquals(expected.get(i).toDoubleArray(), c.update().get(i).toDoubleArray(), 0.0);
        }

        Map<String, Map<String, String>> seeded = rows(sweep(KEYS), "seeded");
        Map<String, Map<String, String>> other = rows(sweep, "other");
        assertNotEquals(
                seeded.get("analytic").get("accuracy"), other.get("analytic").get("accuracy"));
        assertNotEquals(seeded.get("dlg").get("mse"), other.get("dlg").get("mse"));
        Map<String, Object> prov = ProvenanceFile.read(dir.resolve("other").resolve(RunLayout.PROVENANCE));
        @SuppressWarnings("unchecked")
        Map<String, Object> files = (Map<String, Object>) prov.get(ProvenanceFile.DATA_FILES);
        assertEquals(Sha256.of(file), files.get(file.toString()), files.toString());
    }

    @Test
    void theMembershipTargetStartsFromTheFile() throws IOException {
        Path file = dir.resolve("mia.safetensors");
        String header = TinySweeps.header("mia", "1");
        Sweep withFile =
                TinySweeps.parse(header + TinySweeps.breastCancerGrid("model.init: [" + file + "]\n"), "mia.yaml");
        write(withFile.points().get(0), 11, file);
        Map<String, String> seeded = rows(TinySweeps.parse(header + TinySweeps.breastCancerGrid(""), "mia.yaml"), "s")
                .get("mia-loss");
        Map<String, String> loaded = rows(withFile, "f").get("mia-loss");
        // The scores of the members and non-members come from another trained target.
        assertNotEquals(
                seeded.get("mia_auc") + " " + seeded.get("accuracy"),
                loaded.get("mia_auc") + " " + loaded.get("accuracy"));
        Map<String, Object> prov = ProvenanceFile.read(dir.resolve("f").resolve(RunLayout.PROVENANCE));
        assertEquals(
                Sha256.of(file),
                ((Map<?, ?>) prov.get(ProvenanceFile.DATA_FILES)).get(file.toString()),
                String.valueOf(prov.get(ProvenanceFile.DATA_FILES)));
    }

    @Test
    void batchNormRunningStatisticsComeFromTheFile() {
        Path file = dir.resolve("resnet.safetensors");
        Sweep sweep = TinySweeps.parse(
                TinySweeps.header("bn", "1") + "  - {dataset: [fashion-mnist-subset], model: [resnet20], "
                        + "model.width: [0.25], attack: [analytic], model.init: [" + file + "]}\n",
                "bn.yaml");
        SweepPoint p = sweep.points().get(0);
        CaseBuilder.Start s = CaseBuilder.start(p, data(p), BE, new SplittableRandom(1));
        List<Tensor> buffers = new ArrayList<>();
        for (Tensor b : s.buffers()) {
            double[] v = b.toDoubleArray();
            java.util.Arrays.setAll(v, i -> 0.25 + i);
            buffers.add(BE.fromArray(v, DType.F32, b.shape()));
        }
        new InitialWeights(s.params(), buffers).save(s.model(), file, Map.of());
        CaseBuilder.Start loaded =
                CaseBuilder.start(p, data(p), BE, new SplittableRandom(1), ModelInit.check(sweep), (n, h) -> {});
        assertEquals(buffers.size(), loaded.buffers().size());
        assertTrue(buffers.size() > 0);
        for (int i = 0; i < buffers.size(); i++) {
            assertArrayEquals(
                    buffers.get(i).toDoubleArray(), loaded.buffers().get(i).toDoubleArray(), 0.0);
        }
    }

    @Test
    void aRelativeNameResolvesAgainstTheSweepFilesFolder() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("study"));
        write(sweep("").points().get(0), 3, folder.resolve("w.safetensors"));
        String text = TinySweeps.header("rel", "1") + TinySweeps.fashionGrid("model.init: [w.safetensors]\n");
        Path yaml = Files.writeString(folder.resolve("rel.yaml"), text, StandardCharsets.UTF_8);
        Sweep fromFile = new SweepParser(ParameterRegistry.defaults()).parse(yaml);
        assertEquals(folder.resolve("w.safetensors"), fromFile.resolve("w.safetensors"));
        ModelInit.check(fromFile);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> new PipelineFactory().create(TinySweeps.parse(text, "rel.yaml")));
        assertEquals(
                "model.init " + Path.of("w.safetensors").toAbsolutePath() + ": no such weight file", e.getMessage());
    }

    @Test
    void aFileThatDoesNotFitIsRefusedBeforeAnyPointRuns() throws IOException {
        SweepPoint p = sweep("").points().get(0);
        Path good = dir.resolve("good.safetensors");
        CaseBuilder.Start s = write(p, 1, good);
        List<StoredTensor> state = TorchWeights.stateDict(s.model(), s.params());
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("not.safetensors", "name: a sweep\n".getBytes(StandardCharsets.UTF_8));
        bad.put("cut.safetensors", java.util.Arrays.copyOf(Files.readAllBytes(good), 30));
        bad.put("missing.safetensors", bytes(state, 1, null));
        List<StoredTensor> extra = new ArrayList<>(state);
        extra.add(new StoredTensor("fc2.weight", StoredDType.F32, new int[] {3}, new double[3]));
        bad.put("extra.safetensors", bytes(extra, -1, null));
        StoredTensor first = state.get(0);
        int[] wrong = first.shape();
        wrong[0] += 1;
        bad.put(
                "shape.safetensors",
                bytes(
                        state,
                        0,
                        new StoredTensor(
                                first.name(),
                                StoredDType.F32,
                                wrong,
                                new double[org.leakbench.tensor.Shape.size(wrong)])));
        bad.put(
                "dtype.safetensors",
                bytes(
                        state,
                        0,
                        new StoredTensor(
                                first.name(), StoredDType.I64, first.shape(), new double[first.values().length])));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("absent.safetensors", ": no such weight file");
        expected.put("not.safetensors", ": truncated or not safetensors");
        expected.put("cut.safetensors", ": truncated or not safetensors: header length");
        expected.put("missing.safetensors", ": tensor '" + state.get(1).name() + "': does not fit model");
        expected.put("extra.safetensors", ": tensor 'fc2.weight': does not fit model");
        expected.put("shape.safetensors", ": tensor '" + first.name() + "': does not fit model");
        expected.put("dtype.safetensors", ": tensor '" + first.name() + "': does not fit model");
        for (Map.Entry<String, byte[]> b : bad.entrySet()) {
            Files.write(dir.resolve(b.getKey()), b.getValue());
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Path file = dir.resolve(e.getKey());
            Sweep sweep = sweep(KEYS + "model.init: [" + file + "]\n");
            String runId = "run-" + e.getKey();
            IllegalArgumentException x =
                    assertThrows(IllegalArgumentException.class, () -> TinySweeps.run(sweep, dir, runId, 1));
            String m = x.getMessage();
            assertTrue(m.startsWith("model.init " + file + e.getValue()), m);
            assertEquals(1, m.lines().count(), m);
            assertFalse(Files.exists(dir.resolve(runId)), "no run folder for " + runId);
        }
        assertTrue(message(dir, "shape.safetensors").contains("has shape " + java.util.Arrays.toString(wrong)));
        assertTrue(message(dir, "dtype.safetensors").contains("is I64, the model needs a floating-point type"));
    }

    @Test
    void anUnsetOrEmptyFileLeavesPointIdsAsTheyWere() {
        SweepPoint none = sweep("").points().get(0);
        SweepPoint empty = sweep("model.init: ['']\n").points().get(0);
        SweepPoint set = sweep("model.init: [w.safetensors]\n").points().get(0);
        assertEquals(none.pointId(), empty.pointId());
        assertEquals(none.groupKey(), empty.groupKey());
        assertNotEquals(none.pointId(), set.pointId());
        assertNotEquals(none.groupKey(), set.groupKey());
        assertNotEquals(UtilityCache.key(none), UtilityCache.key(set));
    }

    private static String message(Path dir, String name) {
        Sweep sweep = sweep("model.init: [" + dir.resolve(name) + "]\n");
        return assertThrows(IllegalArgumentException.class, () -> new PipelineFactory().create(sweep))
                .getMessage();
    }

    /** {@code state} without entry {@code drop} (when >= 0), entry 0 replaced by {@code first} when given. */
    private static byte[] bytes(List<StoredTensor> state, int drop, StoredTensor first) {
        List<StoredTensor> out = new ArrayList<>(state);
        if (first != null) {
            out.set(0, first);
        } else if (drop >= 0) {
            out.remove(drop);
        }
        return SafetensorsWriter.bytes(out, Map.of());
    }

    private Map<String, Map<String, String>> rows(Sweep sweep, String runId) throws IOException {
        TinySweeps.run(sweep, dir, runId, 1);
        ResultTable t = TinySweeps.read(dir, runId, RunLayout.RESULTS);
        Map<String, Map<String, String>> out = new HashMap<>();
        for (List<String> r : t.latest()) {
            Map<String, String> m = t.asMap(r);
            assertEquals("ok", m.get("status"), m.toString());
            out.put(m.get("attack"), m);
        }
        return out;
    }
}
