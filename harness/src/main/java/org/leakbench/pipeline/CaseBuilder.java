package org.leakbench.pipeline;

import java.util.List;
import java.util.SplittableRandom;
import org.leakbench.component.Requirement;
import org.leakbench.data.DataSplit;
import org.leakbench.data.Dataset;
import org.leakbench.defense.ModelExtension;
import org.leakbench.model.Gradients;
import org.leakbench.model.Model;
import org.leakbench.model.ModelComponent;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.model.Sgd;
import org.leakbench.model.io.InitialWeights;
import org.leakbench.sweep.SweepPoint;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Builds the {@link VictimCase} of a point from its expensive parameters: model family and size, batch,
 * federated protocol, and which test images form the victim's batch ({@link VictimDraw}).
 */
public final class CaseBuilder {
    private CaseBuilder() {}

    public static ModelSpec modelSpec(SweepPoint p, Dataset data) {
        ModelComponent model = ChosenComponents.model(p);
        int[] shape = data.sampleShape();
        if (model.needs(Requirement.IMAGE_DATA) && !data.isImage()) {
            throw new IllegalArgumentException("model " + model.name() + " needs image data; dataset " + data.name()
                    + " has samples of shape " + java.util.Arrays.toString(shape));
        }
        ModelSpec spec = model.spec(p, shape, data.numClasses());
        // A defense that changes the architecture (PRECODE) applies to every model built for the point.
        return ChosenComponents.defense(p) instanceof ModelExtension extension ? extension.extend(spec, p) : spec;
    }

    /**
     * The victim model and its starting state, shared by every victim of a point and seed.
     *
     * @param params the starting parameters
     * @param buffers the starting running statistics of its BatchNorm layers ({@link Model#bufferShapes()})
     * @param fromFile whether the state came from {@code model.init} rather than the seeded initialisation
     */
    public record Start(Model model, List<Tensor> params, List<Tensor> buffers, boolean fromFile) {}

    /** The model of {@code p} with parameters drawn from {@code rng}. */
    public static Start start(SweepPoint p, DataSplit data, Backend be, SplittableRandom rng) {
        Model model = Models.build(modelSpec(p, data.train()));
        return new Start(
                model, model.initialParameters(be, DType.F32, rng.split()), model.initialBuffers(be, DType.F32), false);
    }

    /**
     * The model of {@code p}, starting from the {@code model.init} file when the point names one (read through
     * {@code init}, recorded by {@code record}), else with parameters drawn from {@code rng}; then pretrained and
     * its BatchNorm frozen as the point asks ({@link AttackedStart}).
     */
    static Start start(
            SweepPoint p,
            DataSplit data,
            Backend be,
            SplittableRandom rng,
            ModelInit init,
            java.util.function.BiConsumer<String, String> record) {
        Start s;
        if (!ModelInit.isSet(p)) {
            s = start(p, data, be, rng);
        } else {
            Model model = Models.build(modelSpec(p, data.train()));
            InitialWeights w = init.load(p, model, be, DType.F32, record);
            s = new Start(model, w.params(), w.buffers(), true);
        }
        return AttackedStart.of(p, data.train(), s, rng.split().nextLong());
    }

    /** The single victim of a point: the batch at {@code image}, the model initialised from {@code rng}. */
    public static VictimCase build(SweepPoint p, DataSplit data, Backend be, SplittableRandom rng) {
        int[] idx = VictimDraw.indices(data.test(), p.intValue("batch"), p.intValue("image"), 1, 0, 0L);
        return build(p, data, be, start(p, data, be, rng), idx);
    }

    /** The victim whose private batch is the test samples {@code idx}, with its honest update from {@code s}. */
    public static VictimCase build(SweepPoint p, DataSplit data, Backend be, Start start, int[] idx) {
        Model model = start.model();
        List<Tensor> params = start.params();
        int batch = idx.length;
        Dataset test = data.test();
        float[][] images = new float[batch][];
        int[] rows = new int[batch];
        for (int i = 0; i < batch; i++) {
            images[i] = test.sample(idx[i]); // a lazily loaded test set decodes only these
            rows[i] = i;
        }
        int[] labels = Sgd.pick(test.labels(), idx);
        Tensor x = Sgd.batch(be, DType.F32, images, rows, model.spec().inputShape());
        boolean fedavg = "fedavg".equals(p.string("fl"));
        double lr = p.doubleValue("fl.lr");
        int steps = fedavg ? p.intValue("fl.local-steps") : 1;
        List<Tensor> update;
        if (!fedavg) {
            update = Gradients.of(model, params, x, labels).gradient();
        } else {
            // FedAvg: several full-batch local steps, the update is θ0 − θ_local.
            List<Tensor> local = params;
            for (int s = 0; s < steps; s++) {
                local = Sgd.step(
                        be, local, Gradients.of(model, local, x, labels).gradient(), lr);
            }
            update = new java.util.ArrayList<>();
            for (int i = 0; i < params.size(); i++) {
                update.add(be.sub(params.get(i), local.get(i)));
            }
        }
        return new VictimCase(data, model, params, images, labels, update, fedavg, steps, lr);
    }
}
