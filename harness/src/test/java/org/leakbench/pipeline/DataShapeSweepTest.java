package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leakbench.results.ResultTable;
import org.leakbench.results.RunLayout;

/** data.channels and data.size in a sweep: applied to the point's data, recorded, and refused up front. */
class DataShapeSweepTest {
    @TempDir
    Path results;

    @Test
    void greyImagesPaddedToRgbFeedALargerModelAndAreRecorded() throws IOException {
        String sweep = TinySweeps.header("shapes", "1") + TinySweeps.fashionGrid("""
                        data.channels: [0, 3]
                        data.size: [0, 32]
                        attack: [none]
                        """);
        TinySweeps.run(TinySweeps.parse(sweep, "shapes.yaml"), results, "a", 1);
        ResultTable table = TinySweeps.read(results, "a", RunLayout.RESULTS);
        Map<String, Double> params = new HashMap<>();
        for (List<String> r : table.rows()) {
            Map<String, String> m = table.asMap(r);
            params.put(m.get("data_channels") + "x" + m.get("data_size"), Double.parseDouble(m.get("params")));
        }
        assertEquals(4, params.size(), params.toString());
        // the MLP's first layer grows with the input: 784, 3 * 784, 1024, 3 * 1024 inputs
        double perInput = (params.get("3x0") - params.get("0x0")) / (2 * 784);
        assertTrue(perInput >= 1, params.toString());
        assertEquals(params.get("0x0") + perInput * (1024 - 784), params.get("0x32"), 1e-6);
        assertEquals(params.get("0x0") + perInput * (3072 - 784), params.get("3x32"), 1e-6);
    }

    @Test
    void fewerChannelsOrASmallerSizeIsRefusedBeforeAnyPointRuns() {
        String sweep = TinySweeps.header("refused", "1")
                + TinySweeps.mlpGrid("natural-images", "data.channels: [1]\nattack: [none]\n")
                + TinySweeps.fashionGrid("data.size: [24]\nattack: [none]\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "refused.yaml")));
        assertEquals(
                "data.channels 1 is fewer than the 3 channels of data set natural-images (channels are only added,"
                        + " never dropped)\n"
                        + "data.size 24 is smaller than the 28 x 28 images of data set fashion-mnist-subset (images are"
                        + " only padded, never cropped)",
                e.getMessage());
    }

    @Test
    void shapingATableIsRefused() {
        String sweep = TinySweeps.header("table", "1") + TinySweeps.breastCancerGrid("data.channels: [3]\n");
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new PipelineFactory().create(TinySweeps.parse(sweep, "table.yaml")));
        assertTrue(
                e.getMessage().startsWith("data.channels 3: data set breast-cancer holds [30] feature rows"),
                e.getMessage());
    }
}
