package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackResult;
import org.leakbench.attack.inversion.TinyTokenModel;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Dataset;
import org.leakbench.data.DatasetComponent;
import org.leakbench.model.Activation;
import org.leakbench.model.Model;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backends;
import org.leakbench.tensor.DType;

/**
 * How a point tells token windows from images and rows, which attacks it refuses on which, and that it scores
 * token windows with token metrics (PSNR and SSIM empty) and images as before.
 */
class TokenSamplesTest {
    static final ComponentRegistry REGISTRY = ComponentRegistry.installed();
    static final int CONTEXT = 4;
    static final int VOCABULARY = 7;

    /** A data set registered as holding token windows, as the text data sets are. */
    static final class FlaggedText extends DatasetComponent {
        FlaggedText() {
            super(Descriptor.of(ComponentKind.DATASET, "text-test", "token windows for tests")
                    .does(Capability.TOKEN_SAMPLES)
                    .build());
        }
    }

    /** Windows of 4 ids over 7 tokens, labelled with the token that follows, from a seeded random text. */
    static Dataset windows(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] text = rng.ints(count + CONTEXT, 0, VOCABULARY).toArray();
        float[][] samples = new float[count][CONTEXT];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            for (int t = 0; t < CONTEXT; t++) {
                samples[i][t] = text[i + t];
            }
            labels[i] = text[i + CONTEXT];
        }
        List<String> names = new ArrayList<>();
        for (int v = 0; v < VOCABULARY; v++) {
            names.add("t" + v);
        }
        return new Dataset("text-test", new int[] {CONTEXT}, samples, labels, VOCABULARY, names, Map.of());
    }

    static Dataset images() {
        return new Dataset(
                "fashion-mnist-subset",
                new int[] {1, 2, 2},
                new float[][] {{0, 1, 0, 1}},
                new int[] {0},
                2,
                List.of("a", "b"),
                Map.of());
    }

    static Model mlp(int[] shape, int classes) {
        return Models.build(new ModelSpec(ModelSpec.MLP, shape, classes, 0.25, 1, Activation.RELU));
    }

    static Component attack(String name) {
        return REGISTRY.get(ComponentKind.ATTACK, name);
    }

    static Component dataset(String name) {
        return REGISTRY.get(ComponentKind.DATASET, name);
    }

    static ParameterView tv(double weight) {
        return name -> {
            if (!name.equals("attack.tv")) {
                throw new IllegalArgumentException(name);
            }
            return weight;
        };
    }

    @Test
    void tokenWindowsAreFlaggedOrRelaxedByTheModel() {
        Dataset text = windows(3, 1);
        assertTrue(TokenSamples.are(new FlaggedText(), text, mlp(new int[] {CONTEXT}, VOCABULARY)));
        assertTrue(TokenSamples.are(dataset("breast-cancer"), text, new TinyTokenModel(CONTEXT, VOCABULARY)));
        assertFalse(TokenSamples.are(dataset("breast-cancer"), text, mlp(new int[] {CONTEXT}, VOCABULARY)));
        assertFalse(TokenSamples.are(dataset("fashion-mnist-subset"), images(), mlp(new int[] {1, 2, 2}, 2)));
    }

    @Test
    void tagRefusesImagesAndModelsThatReadIdsAsNumbers() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TokenSamples.checkAttack(
                        attack("tag"), tv(0), dataset("fashion-mnist-subset"), images(), mlp(new int[] {1, 2, 2}, 2)));
        assertEquals(
                "attack tag needs token samples; dataset fashion-mnist-subset has samples of shape [1, 2, 2]",
                e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> TokenSamples.checkAttack(
                        attack("tag"), tv(0), new FlaggedText(), windows(3, 1), mlp(new int[] {CONTEXT}, VOCABULARY)));
        assertEquals(
                "attack tag optimises a continuous input; on the token samples of dataset text-test it needs a "
                        + "model with a relaxed token input (transformer), but model mlp reads the ids [4] as numbers",
                e.getMessage());
        assertDoesNotThrow(() -> TokenSamples.checkAttack(
                attack("tag"), tv(0), new FlaggedText(), windows(3, 1), new TinyTokenModel(CONTEXT, VOCABULARY)));
    }

    @Test
    void imageAttacksRefuseTokenCombinationsThatMakeNoSense() {
        Dataset text = windows(3, 1);
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TokenSamples.checkAttack(
                        attack("dlg"), tv(0), new FlaggedText(), text, mlp(new int[] {CONTEXT}, VOCABULARY)));
        assertTrue(e.getMessage().startsWith("attack dlg optimises a continuous input;"), e.getMessage());
        e = assertThrows(
                IllegalArgumentException.class,
                () -> TokenSamples.checkAttack(
                        attack("ig"), tv(1e-4), new FlaggedText(), text, new TinyTokenModel(CONTEXT, VOCABULARY)));
        assertEquals(
                "attack ig: attack.tv 1.0E-4 is a total-variation prior on images; dataset text-test has token "
                        + "samples of shape [4] (set attack.tv: 0)",
                e.getMessage());
        assertDoesNotThrow(() -> TokenSamples.checkAttack(
                attack("ig"), tv(0), new FlaggedText(), text, new TinyTokenModel(CONTEXT, VOCABULARY)));
        assertDoesNotThrow(() -> TokenSamples.checkAttack(
                attack("dlg"), tv(0), new FlaggedText(), text, new TinyTokenModel(CONTEXT, VOCABULARY)));
        // Rows of a table are no token windows: nothing changes for them.
        assertDoesNotThrow(() -> TokenSamples.checkAttack(
                attack("ig"), tv(1e-4), dataset("breast-cancer"), text, mlp(new int[] {CONTEXT}, VOCABULARY)));
    }

    static VictimCase victim(Dataset text, Model model) {
        var params = model.initialParameters(Backends.get("ejml"), DType.F32, new SplittableRandom(1));
        float[][] batch = {text.samples()[0], text.samples()[1]};
        int[] labels = {text.labels()[0], text.labels()[1]};
        return new VictimCase(new DataSplit(text, text), model, params, batch, labels, params, false, 1, 0.1);
    }

    @Test
    void tokenWindowsGetTokenMetricsAndNoImageMetrics() {
        Dataset text = windows(3, 2);
        VictimCase c = victim(text, new TinyTokenModel(CONTEXT, VOCABULARY));
        float[][] swapped = {c.images()[1].clone(), c.images()[0].clone()};
        swapped[0][0] = (swapped[0][0] + 1) % VOCABULARY; // one of eight tokens wrong
        AttackResult r = new AttackResult(swapped, c.labels(), AttackResult.OK, 10, 0.0, 3);
        VictimScore s =
                TokenSamples.score(c, r, 0, AttackResult.OK, new int[] {0, 1}).checkedFinite();
        assertEquals(AttackResult.OK, s.status());
        assertEquals(7.0 / 8, s.tokenAcc(), 1e-12);
        assertEquals(0.5, s.recoveredFrac(), 1e-12, "one window of two recovered exactly");
        assertEquals(1.0, s.labelAcc());
        assertTrue(Double.isNaN(s.psnr()) && Double.isNaN(s.ssim()) && Double.isNaN(s.mse()));

        Map<String, Object> row = new LinkedHashMap<>();
        assertEquals("ok", VictimStats.aggregate(List.of(s), 30, 0.5, row));
        assertEquals(7.0 / 8, (Double) row.get("token_acc"), 1e-12);
        assertNull(row.get("psnr"));
        assertNull(row.get("psnr_success"));
    }

    @Test
    void relaxedReconstructionsAreDecodedAndNanOnesDiverge() {
        Dataset text = windows(3, 3);
        VictimCase c = victim(text, new TinyTokenModel(CONTEXT, VOCABULARY));
        float[][] soft = new float[2][CONTEXT * VOCABULARY];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < CONTEXT; t++) {
                soft[b][t * VOCABULARY + (int) c.images()[b][t]] = 0.9f;
            }
        }
        AttackResult r = new AttackResult(soft, null, AttackResult.OK, 10, 0.0, 3);
        VictimScore s = TokenSamples.score(c, r, 0, AttackResult.OK, new int[] {0, 1});
        assertEquals(1.0, s.tokenAcc());
        assertEquals(1.0, s.tokenF1());
        assertEquals(1.0, s.rouge1());
        assertEquals(1.0, s.rouge2());
        assertEquals(1.0, s.tokenExact());
        assertTrue(Double.isNaN(s.labelAcc()), "no labels reconstructed");

        soft[1][3] = Float.NaN;
        VictimScore nan =
                TokenSamples.score(c, r, 0, AttackResult.OK, new int[] {0, 1}).checkedFinite();
        assertEquals("diverged", nan.status());
    }

    @Test
    void imageScoresStayImageScores() {
        VictimScore image = new VictimScore(
                0,
                new int[] {0},
                "ok",
                31,
                0.9,
                1e-3,
                1,
                1,
                2,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN);
        assertFalse(image.tokens());
        assertEquals("ok", image.checkedFinite().status());
    }
}
