package org.leakbench.pipeline;

import java.util.List;
import org.leakbench.data.DataSplit;
import org.leakbench.model.Model;
import org.leakbench.tensor.Tensor;

/**
 * The expensive part of a sweep point, built once and shared by every cheap point over it: the data,
 * the model and its starting parameters, the victim's private batch and its honest update.
 *
 * @param images the victim's private batch (ground truth, used only by the metrics and the oracle)
 * @param update the honest update before any defense: a gradient (FedSGD) or θ0 − θ1 (FedAvg)
 */
public record VictimCase(
        DataSplit data,
        Model model,
        List<Tensor> params,
        float[][] images,
        int[] labels,
        List<Tensor> update,
        boolean weightDifference,
        int localSteps,
        double learningRate) {}
