package org.leakbench.plots;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two models are two victims: leakage versus batch size gets a figure per model, each named and titled by it,
 * instead of one figure of the most common model that does not say which it is.
 */
class LeakageBySettingTest {
    static final String CSV = """
            point_id,seed,dataset,model,batch,attack,defense,psnr,status
            a,1,fmnist,convnet,1,ig,none,12,ok
            b,1,fmnist,convnet,4,ig,none,9,ok
            c,1,fmnist,resnet20,1,ig,none,14,ok
            d,1,fmnist,resnet20,4,ig,none,10,ok
            """;

    @TempDir
    Path dir;

    @Test
    void leakageVersusBatchIsDrawnPerModel() throws IOException {
        Path run = Fixtures.runWithResults(dir.resolve("run"), CSV);
        Plots.renderRun(run);
        assertTrue(Files.exists(run.resolve("figures/leakage-vs-batch-psnr-convnet.png")));
        assertTrue(Files.exists(run.resolve("figures/leakage-vs-batch-psnr-resnet20.png")));
        assertFalse(Files.exists(run.resolve("figures/leakage-vs-batch-psnr.png")));
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains("Leakage vs batch, psnr (dataset fmnist, model resnet20)"), report);
    }
}
