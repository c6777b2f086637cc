package org.leakbench.update;

import java.util.List;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * What an attacker observes of one round, the input of every attack.
 *
 * @param globalParams        the parameters the clients computed on (as sent by the server)
 * @param model               the architecture the clients computed on
 * @param observedUpdate      the update the attacker sees: one client's, the mean, or the others' sum
 * @param batchSize           rows behind the observed update: a FedSGD batch, a FedAvg client's rows, or
 *                            their total over {@code contributingClients}
 * @param kind                gradient or weight difference
 * @param localSteps          local SGD steps behind a weight difference (1 for a gradient)
 * @param lr                  the local learning rate of a weight difference
 * @param contributingClients ids of the clients whose data is in the observed update, ascending
 */
public record ObservedRound(
        List<Tensor> globalParams,
        Model model,
        Update observedUpdate,
        int batchSize,
        Update.Kind kind,
        int localSteps,
        double lr,
        int[] contributingClients) {
    public ObservedRound {
        globalParams = List.copyOf(globalParams);
        contributingClients = contributingClients.clone();
    }
}
