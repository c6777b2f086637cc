package org.leakbench.attack.analytic;

import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * The architecture and parameters a malicious server sends instead of the honest model. (The federation's own
 * record of what a server sends lives above the attacks; an attack only says what it would send.)
 */
public record ServerModel(Model model, List<Tensor> params) {
    public ServerModel {
        if (model == null || params == null) {
            throw new IllegalArgumentException("server model: model and parameters must be given");
        }
        params = List.copyOf(params);
    }
}
