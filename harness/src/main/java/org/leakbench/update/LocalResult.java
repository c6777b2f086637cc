package org.leakbench.update;

import java.util.List;
import org.leakbench.tensor.Tensor;

/**
 * What one client computed in one round, before any defense.
 *
 * @param update   the update
 * @param examples distinct rows that went into it: the FedSGD batch, or all the client's rows for FedAvg
 * @param loss     the training loss of the first (FedSGD: only) batch, for diagnostics
 * @param buffers  the client's BatchNorm running statistics after its local training, when it carried the ones it
 *                 was sent ({@link LocalTask#globalBuffers()}); empty otherwise
 */
public record LocalResult(Update update, int examples, double loss, List<Tensor> buffers) {
    public LocalResult {
        buffers = buffers == null ? List.of() : List.copyOf(buffers);
    }

    /** A result that carries no running statistics. */
    public LocalResult(Update update, int examples, double loss) {
        this(update, examples, loss, List.of());
    }
}
