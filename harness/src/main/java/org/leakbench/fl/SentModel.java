package org.leakbench.fl;

import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/** The architecture and parameters the server sends to the clients of a round. */
public record SentModel(Model model, List<Tensor> params) {
    public SentModel {
        if (model == null || params == null) {
            throw new IllegalArgumentException("sent model: model and parameters must be given");
        }
        params = List.copyOf(params);
    }
}
