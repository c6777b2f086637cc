package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replicating grey channels and padding images to a larger square, at exact pixel positions. */
class ImageShapeTest {
    /** A 1 x h x w image whose pixel (y, x) holds 1 + y * w + x, so every position is recognisable. */
    private static Dataset grey(int h, int w) {
        float[] image = new float[h * w];
        for (int i = 0; i < image.length; i++) {
            image[i] = 1 + i;
        }
        return new Dataset(
                "grey",
                new int[] {1, h, w},
                new float[][] {image},
                new int[] {1},
                2,
                List.of("a", "b"),
                Map.of("f", "0"));
    }

    @Test
    void pads28To32WithTwoZeroRowsAndColumnsOnEverySide() {
        Dataset out = new ImageShape(0, 32).apply(grey(28, 28));
        assertArrayEquals(new int[] {1, 32, 32}, out.sampleShape());
        float[] image = out.samples()[0];
        assertEquals(1f, image[2 * 32 + 2]); // source (0, 0)
        assertEquals(28f, image[2 * 32 + 29]); // source (0, 27)
        assertEquals(1 + 27 * 28 + 27f, image[29 * 32 + 29]); // source (27, 27)
        assertEquals(1 + 5 * 28 + 3f, image[7 * 32 + 5]); // source (5, 3)
        for (int x = 0; x < 32; x++) {
            for (int y : new int[] {0, 1, 30, 31}) {
                assertEquals(0f, image[y * 32 + x], "row " + y + " column " + x);
                assertEquals(0f, image[x * 32 + y], "row " + x + " column " + y);
            }
        }
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        assertEquals(784.0 * 785 / 2, sum, 1e-3); // every source pixel once, the rest zero
    }

    @Test
    void anOddMarginPutsTheExtraRowBelowAndColumnRight() {
        float[] image = new ImageShape(0, 4).apply(grey(1, 2)).samples()[0];
        // 1 x 2 in 4 x 4: top = 1, left = 1
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0}, image);
    }

    @Test
    void replicatesTheGreyPlaneIntoThreeChannels() {
        Dataset out = new ImageShape(3, 32).apply(grey(28, 28));
        assertArrayEquals(new int[] {3, 32, 32}, out.sampleShape());
        float[] image = out.samples()[0];
        for (int c = 0; c < 3; c++) {
            assertEquals(1f, image[c * 1024 + 2 * 32 + 2], "channel " + c);
            assertEquals(1 + 27 * 28 + 27f, image[c * 1024 + 29 * 32 + 29], "channel " + c);
            assertEquals(0f, image[c * 1024 + 31 * 32 + 31], "channel " + c);
        }
        Dataset same = new ImageShape(3, 0).apply(grey(2, 2));
        assertArrayEquals(new float[] {1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3, 4}, same.samples()[0]);
        assertArrayEquals(new int[] {1}, out.labels());
        assertEquals(Map.of("f", "0"), out.fileSha256());
        assertEquals("grey", out.name());
    }

    @Test
    void keepingTheShapeReturnsTheSameData() {
        Dataset data = grey(28, 28);
        assertSame(data, ImageShape.NATIVE.apply(data));
        assertSame(data, new ImageShape(1, 28).apply(data));
    }

    @Test
    void refusesFewerChannelsSmallerSizesAndTables() {
        int[] rgb = {3, 32, 32};
        assertEquals(
                "data.channels 1 is fewer than the 3 channels of data set cifar10 (channels are only added, never"
                        + " dropped)",
                new ImageShape(1, 0).refusal("cifar10", rgb));
        assertEquals(
                "data.size 28 is smaller than the 32 x 32 images of data set cifar10 (images are only padded, never"
                        + " cropped)",
                new ImageShape(0, 28).refusal("cifar10", rgb));
        assertTrue(new ImageShape(2, 0).refusal("mnist", new int[] {1, 28, 28}).startsWith("data.channels 2: must be"));
        assertTrue(new ImageShape(0, 32)
                .refusal("breast-cancer", new int[] {30})
                .startsWith("data.size 32: data set breast-cancer holds [30] feature rows, not images"));
        assertNull(new ImageShape(3, 32).refusal("natural-images", rgb));
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ImageShape(0, 27).apply(grey(28, 28)));
        assertTrue(e.getMessage().startsWith("data.size 27 is smaller than the 28 x 28 images of data set grey"));
    }

    @Test
    void declaredShapesMatchTheBundledData() {
        for (String name : List.of(Datasets.FASHION_MNIST_SUBSET, Datasets.BREAST_CANCER, Datasets.NATURAL_IMAGES)) {
            DatasetComponent component = (DatasetComponent) org.leakbench.component.ComponentRegistry.installed()
                    .get(org.leakbench.component.ComponentKind.DATASET, name);
            assertArrayEquals(
                    Datasets.load(name, null).train().sampleShape(),
                    component.sampleShape().orElseThrow(),
                    name);
        }
    }
}
