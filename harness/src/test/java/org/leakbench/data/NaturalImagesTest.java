package org.leakbench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled natural-images crops: shape, labels, names and the files its README documents. */
class NaturalImagesTest {
    private static final Map<String, String> SHA = Map.of(
            "train.bin", "fe46f545c5603528bd992efb351392767a8604b3d8797ca4277d112c6d8a88ed",
            "test.bin", "032a092c6828dca512389bbf152822ccc0151f1e71a86f545b136ce55fd305a5",
            "batches.meta.txt", "e948f3218a610febe7f3369a913899d29aa23354dc18df361d3487ce6ba365b0");

    @Test
    void loadsThirtyAndThirtyInterleavedColourCrops() {
        DataSplit split = Datasets.load(Datasets.NATURAL_IMAGES, null);
        assertEquals(30, split.train().size());
        assertEquals(30, split.test().size());
        assertArrayEquals(new int[] {3, 32, 32}, split.test().sampleShape());
        assertEquals(
                List.of("astronaut", "cat", "coffee", "rocket", "galaxies", "retina"),
                split.test().classNames());
        for (int i = 0; i < 30; i++) {
            assertEquals(i % 6, split.test().labels()[i], "test record " + i);
            assertEquals(i % 6, split.train().labels()[i], "train record " + i);
        }
        assertArrayEquals(new int[] {5, 5, 5, 5, 5, 5}, split.train().classCounts());
    }

    @Test
    void cropsAreInColour() {
        // the astronaut's orange suit: some pixel of the first crops has red well above blue
        float[] astronaut = Datasets.load(Datasets.NATURAL_IMAGES, null).train().samples()[0];
        double maxRedMinusBlue = 0;
        for (int p = 0; p < 1024; p++) {
            maxRedMinusBlue = Math.max(maxRedMinusBlue, astronaut[p] - astronaut[2048 + p]);
        }
        assertTrue(maxRedMinusBlue > 0.3, "red minus blue at most " + maxRedMinusBlue);
    }

    @Test
    void provenanceHoldsTheDocumentedChecksums() {
        DataSplit split = Datasets.load(Datasets.NATURAL_IMAGES, null);
        String folder = "classpath:" + NaturalImages.RESOURCES + "/";
        assertEquals(SHA.get("train.bin"), split.train().fileSha256().get(folder + "train.bin"));
        assertEquals(SHA.get("test.bin"), split.test().fileSha256().get(folder + "test.bin"));
        assertEquals(SHA.get("batches.meta.txt"), split.test().fileSha256().get(folder + "batches.meta.txt"));
        assertTrue(Datasets.locate(Datasets.NATURAL_IMAGES, null).available());
    }
}
