package org.leakbench.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leakbench.attack.Attack;
import org.leakbench.attack.analytic.AnalyticAttack;
import org.leakbench.attack.inversion.DlgAttack;
import org.leakbench.attack.inversion.DlgOptions;
import org.leakbench.data.DataSplit;
import org.leakbench.model.Activation;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.tensor.Backend;

/**
 * The curious-client curve: leakage of the other participants' samples versus their number, one test image per
 * client, for closed-form recovery on an MLP (784-128-10, ReLU; Fowl et al. 2022's analytic recovery of a linear
 * first layer) and DLG (Zhu et al. 2019) on its LeNet. For seed s the clients' rows start at test image 7 + 40·s,
 * so seeds attack different images.
 */
public final class CuriousClientCurve {
    /** The attacks the curve can run, each on the model it was published with. */
    public enum Pairing {
        /** Closed-form recovery from the first linear layer of an MLP. */
        ANALYTIC("mlp", "analytic"),
        /** Deep leakage from gradients on DLG's LeNet. */
        DLG("lenet", "dlg");

        private final String model;
        private final String attack;

        Pairing(String model, String attack) {
            this.model = model;
            this.attack = attack;
        }

        public String model() {
            return model;
        }

        public String attack() {
            return attack;
        }
    }

    /** One point of the curve. */
    public record Row(Pairing pairing, long seed, CuriousClientExperiment.Outcome outcome) {
        /** The row as CSV in the order of {@link #HEADER}; metrics are empty when the attack did not finish. */
        public String csv() {
            CuriousClientExperiment.Outcome o = outcome;
            String head = String.format(
                    Locale.ROOT, "%s,%s,%d,%d,%s", pairing.model(), pairing.attack(), o.others(), seed, o.status());
            if (o.score() == null) {
                return head + ",,,,";
            }
            return head
                    + String.format(
                            Locale.ROOT,
                            ",%.2f,%.2f,%.3f,%.2f",
                            o.score().meanPsnr(),
                            o.score().maxPsnr(),
                            o.score().meanSsim(),
                            o.score().recoveredFraction());
        }
    }

    /** The CSV header of {@link Row#csv()}. */
    public static final String HEADER = "model,attack,others,seed,status,mean_psnr,max_psnr,mean_ssim,recovered_frac";

    private final DataSplit data;
    private final Backend backend;

    /** @param data images whose test split the clients' rows are dealt from (28×28 grey images, 10 classes) */
    public CuriousClientCurve(DataSplit data, Backend backend) {
        this.data = data;
        this.backend = backend;
    }

    /** Every (others, seed, pairing) point in that order, each with one image per client. */
    public List<Row> run(int[] others, long[] seeds, List<Pairing> pairings) {
        if (others.length == 0 || seeds.length == 0 || pairings.isEmpty()) {
            throw new IllegalArgumentException("curious-client curve: need at least one client count, seed and attack");
        }
        int[] shape = data.test().sampleShape();
        int classes = data.test().numClasses();
        List<Row> rows = new ArrayList<>();
        for (int n : others) {
            for (long seed : seeds) {
                int first = 7 + 40 * (int) seed;
                for (Pairing p : pairings) {
                    ModelSpec spec = p == Pairing.ANALYTIC
                            ? ModelSpec.mlp(shape, classes, 0.5, 1, Activation.RELU)
                            : ModelSpec.lenet(shape, classes);
                    Attack attack = p == Pairing.ANALYTIC ? new AnalyticAttack() : new DlgAttack(DlgOptions.paper());
                    CuriousClientExperiment e = new CuriousClientExperiment(
                            Models.build(spec),
                            backend,
                            data.test().samples(),
                            data.test().labels());
                    rows.add(new Row(p, seed, e.run(n, 1, first, attack, seed)));
                }
            }
        }
        return rows;
    }
}
