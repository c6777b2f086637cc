package org.leakbench.data.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;

class TextDatasetComponentsTest {
    private static ParameterView point(int context, int stride, int vocab) {
        Map<String, Object> values = Map.of("text.context", context, "text.stride", stride, "text.vocab", vocab);
        return values::get;
    }

    @Test
    void thePointsContextShapesTheSamples() {
        TextDatasetComponents.TextChar c = new TextDatasetComponents.TextChar();
        assertArrayEquals(new int[] {8}, c.load(null, point(8, 0, 512)).train().sampleShape());
        assertArrayEquals(new int[] {32}, c.load(null).train().sampleShape());
        assertEquals(
                c.load(null, point(8, 4, 512)).train().size(),
                2 * c.load(null, point(8, 8, 512)).train().size(),
                1);
    }

    @Test
    void theLoadKeyTellsApartWhatTheParametersChange() {
        TextDatasetComponents.TextChar chars = new TextDatasetComponents.TextChar();
        TextDatasetComponents.TextBpe bpe = new TextDatasetComponents.TextBpe();
        assertNotEquals(chars.loadKey(point(8, 0, 512)), chars.loadKey(point(16, 0, 512)));
        assertEquals(chars.loadKey(point(8, 0, 512)), chars.loadKey(point(8, 8, 300)));
        assertNotEquals(bpe.loadKey(point(8, 0, 512)), bpe.loadKey(point(8, 0, 300)));
    }

    @Test
    void onlyTheBpeSetsDeclareTheVocabularySize() {
        assertEquals(
                List.of("text.context", "text.stride"),
                new TextDatasetComponents.TextFilesChar()
                        .descriptor().parameters().stream()
                                .map(ParameterSpec::name)
                                .toList());
        assertEquals(
                List.of("text.context", "text.stride", "text.vocab"),
                new TextDatasetComponents.TextFilesBpe()
                        .descriptor().parameters().stream()
                                .map(ParameterSpec::name)
                                .toList());
    }
}
