package org.leakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leakbench.cli.LeakBenchCliTest.Result;

/** Each {@code leakbench demo} command on a tiny configuration of the bundled data: its output and exit code. */
class DemoCommandsTest {
    private static Result run(String... args) {
        return LeakBenchCliTest.run(args);
    }

    private static List<String[]> csvRows(String out) {
        return out.strip().lines().skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void fedAvgLearnsAndPrintsEveryRound() {
        String[] args = {
            "demo",
            "fedavg",
            "--dataset",
            "fashion-mnist-subset",
            "--clients",
            "4",
            "--rounds",
            "2",
            "--local-batch",
            "50",
            "--hidden",
            "32",
            "--seed",
            "3"
        };
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(4, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("FedAvg ") && lines.get(0).contains("fashion-mnist-subset"), lines.get(0));
        assertTrue(
                lines.get(1).startsWith("round 1: test accuracy ")
                        && lines.get(2).startsWith("round 2: "),
                r.out());
        double acc = Double.parseDouble(lines.get(3).split(" ")[2]);
        assertTrue(acc > 0.5, "two FedAvg rounds beat chance (0.1) by far: " + acc);
        String again = run(args).out().strip().lines().toList().get(3).split(" ")[2];
        assertEquals(lines.get(3).split(" ")[2], again, "same seed, same accuracy");
    }

    @Test
    void curiousClientLeaksOneOtherExactlyAndLessAmongMany() {
        Result r = run("demo", "curious-client", "--others", "1,4", "--seeds", "1", "--attacks", "analytic");
        assertEquals(0, r.code(), r.err());
        assertTrue(
                r.out().startsWith("model,attack,others,seed,status,mean_psnr,max_psnr,mean_ssim,recovered_frac\n"),
                r.out());
        List<String[]> rows = csvRows(r.out());
        assertEquals(2, rows.size(), r.out());
        assertEquals(
                List.of("mlp", "analytic", "1", "1", "ok"), List.of(rows.get(0)).subList(0, 5));
        assertEquals("1.00", rows.get(0)[8], "one other client: its image is recovered");
        assertEquals("4", rows.get(1)[2]);
        assertTrue(
                Double.parseDouble(rows.get(1)[5]) < Double.parseDouble(rows.get(0)[5]),
                "mixing four images into one gradient lowers the PSNR: " + r.out());
    }

    @Test
    void dpSgdUtilityReportsEpsilonOfTheScheduleItTrains() {
        Result r = run("demo", "dp-sgd-utility", "--epochs", "1", "--batch", "200", "--lr", "0.5", "--sigmas", "0,1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("sigma,epsilon,delta,q,steps,test_accuracy\n"), r.out());
        List<String[]> rows = csvRows(r.out());
        assertEquals(2, rows.size(), r.out());
        assertEquals("Infinity", rows.get(0)[1], "sigma 0 is plain SGD");
        // 2,000 bundled training images: q = 200 / 2000, one epoch of 10 steps.
        assertEquals(List.of("0.10000", "10"), List.of(rows.get(1)[3], rows.get(1)[4]));
        double eps = Double.parseDouble(rows.get(1)[1]);
        assertTrue(eps > 0 && eps < 10, "sigma 1, q 0.1, 10 steps: " + eps);
        assertTrue(Double.parseDouble(rows.get(0)[5]) > 0.3, "plain SGD learns: " + r.out());
    }

    @Test
    void helpListsTheDemosAndTheirOptions() {
        Result all = run("demo", "--help");
        assertEquals(0, all.code(), all.err());
        assertTrue(
                all.out().contains("fedavg")
                        && all.out().contains("curious-client")
                        && all.out().contains("dp-sgd-utility"),
                all.out());
        Result one = run("demo", "fedavg", "--help");
        assertEquals(0, one.code(), one.err());
        assertTrue(one.out().contains("--local-epochs") && one.out().contains("--seed"), one.out());
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        Result none = run("demo");
        assertEquals(LeakBench.EXIT_USAGE, none.code());
        assertTrue(
                none.err().startsWith("error: missing demo; choose one of [fedavg, curious-client, dp-sgd-utility]"),
                none.err());
        Result zero = run("demo", "curious-client", "--others", "0");
        assertEquals(LeakBench.EXIT_USAGE, zero.code());
        assertEquals(
                "error: --others: every count must be >= 1, got 0", zero.err().strip());
        Result attack = run("demo", "curious-client", "--attacks", "ig");
        assertEquals(LeakBench.EXIT_USAGE, attack.code());
        assertTrue(attack.err().contains("--attacks") && attack.err().contains("ig"), attack.err());
        Result data = run("demo", "fedavg", "--dataset", "no-such-set");
        assertEquals(LeakBench.EXIT_USAGE, data.code());
        assertEquals(1, data.err().strip().lines().count(), data.err());
        assertTrue(data.err().contains("no-such-set"), data.err());
    }
}
