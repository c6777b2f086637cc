package org.leakbench.update;

import java.util.ArrayList;
import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Backend;
import org.leakbench.tensor.DType;
import org.leakbench.tensor.Tensor;

/**
 * Where one client's local training starts: the model and global parameters it received, its rows, and the
 * backend and precision it computes in.
 *
 * @param model   the architecture sent by the server
 * @param global  the parameters sent by the server
 * @param data    the client's rows
 * @param backend the backend the client computes on
 * @param dtype   the precision of its tensors
 * @param globalBuffers the BatchNorm running statistics sent with the parameters ({@link Model#bufferShapes()}
 *                order), which local training carries on; empty when none are carried
 */
public record LocalTask(
        Model model, List<Tensor> global, ClientData data, Backend backend, DType dtype, List<Tensor> globalBuffers) {
    public LocalTask {
        if (model == null || global == null || data == null || backend == null || dtype == null) {
            throw new IllegalArgumentException(
                    "local task: model, global parameters, data, backend and dtype " + "must be given");
        }
        globalBuffers = globalBuffers == null ? List.of() : List.copyOf(globalBuffers);
        if (!globalBuffers.isEmpty()
                && globalBuffers.size() != model.bufferShapes().size()) {
            throw new IllegalArgumentException(
                    "local task: " + globalBuffers.size() + " running statistics for a model with "
                            + model.bufferShapes().size());
        }
    }

    /** A task that carries no running statistics. */
    public LocalTask(Model model, List<Tensor> global, ClientData data, Backend backend, DType dtype) {
        this(model, global, data, backend, dtype, List.of());
    }

    /** θ_global − θ_local as an update of {@code localSteps} steps of rate {@code lr}. */
    public Update weightDifference(List<Tensor> local, int localSteps, double lr) {
        if (local.size() != global.size()) {
            throw new IllegalArgumentException(
                    "local task: " + local.size() + " local tensors for " + global.size() + " global ones");
        }
        List<Tensor> diff = new ArrayList<>(global.size());
        for (int i = 0; i < global.size(); i++) {
            diff.add(backend.sub(global.get(i), local.get(i)));
        }
        return Update.fromTensors(diff, Update.Kind.WEIGHT_DIFFERENCE, localSteps, lr);
    }
}
