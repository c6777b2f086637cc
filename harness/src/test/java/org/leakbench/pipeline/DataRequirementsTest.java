package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leakbench.component.Capability;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ParameterView;
import org.leakbench.data.text.TextDatasets;

class DataRequirementsTest {
    private static ParameterView point(String dataset, String model, String attack) {
        Map<String, Object> values = Map.of("dataset", dataset, "model", model, "attack", attack);
        return values::get;
    }

    private static String refusal(String dataset, String model, String attack) {
        return assertThrows(IllegalArgumentException.class, () -> DataRequirements.check(point(dataset, model, attack)))
                .getMessage();
    }

    @Test
    void textDataSetsClaimTokensAndNotImages() {
        for (String name : TextDatasets.names()) {
            Component c = ChosenComponents.registry().get(ComponentKind.DATASET, name);
            assertFalse(c.does(Capability.IMAGE_SAMPLES), name);
            assertTrue(c.does(Capability.TOKEN_SAMPLES), name);
        }
    }

    @Test
    void anImageModelRefusesTextNamingBoth() {
        String message = refusal("text-char", "lenet", "none");
        assertTrue(message.contains("'lenet' needs image samples") && message.contains("'text-char'"), message);
        assertTrue(refusal("breast-cancer", "lenet", "none").contains("'breast-cancer'"));
    }

    @Test
    void aTextAttackRefusesImages() {
        String message = refusal("fashion-mnist-subset", "lenet", "tag");
        assertTrue(message.contains("'tag'") && message.contains("'fashion-mnist-subset'"), message);
    }

    @Test
    void attacksThatReadSelfAttentionRefuseOtherModelsWithTheReason() {
        assertEquals(
                "attack 'dager' needs a transformer (self-attention over token embeddings); model 'convnet' has none "
                        + "(set model: transformer)",
                refusal("natural-images", "convnet", "dager"));
        assertTrue(refusal("text-char", "mlp", "lamp").contains("model 'mlp' has none"));
        assertDoesNotThrow(() -> DataRequirements.check(point("text-char", "transformer", "dager")));
    }

    @Test
    void utilityAndMembershipPointsOnTextAndAttacksOnImagesPass() {
        assertDoesNotThrow(() -> DataRequirements.check(point("text-char", "mlp", "none")));
        assertDoesNotThrow(() -> DataRequirements.check(point("text-char", "mlp", "mia-loss")));
        assertDoesNotThrow(() -> DataRequirements.check(point("fashion-mnist-subset", "lenet", "dlg")));
        assertDoesNotThrow(() -> DataRequirements.check(point("breast-cancer", "mlp", "dlg")));
    }
}
