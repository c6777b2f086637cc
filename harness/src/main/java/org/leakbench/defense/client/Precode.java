package org.leakbench.defense.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.leakbench.autodiff.Autodiff;
import org.leakbench.autodiff.Losses;
import org.leakbench.autodiff.Ops;
import org.leakbench.autodiff.Var;
import org.leakbench.model.ForwardState;
import org.leakbench.model.Model;
import org.leakbench.model.VariationalBottleneck;
import org.leakbench.tensor.Tensor;

/**
 * PRECODE's client step (Scheliga, Mäder, Seeland, PRECODE – A Generic Model Extension to Prevent Deep Gradient
 * Leakage, WACV 2022): on a model with its variational bottleneck ({@link VariationalBottleneck}), the gradient of
 * the mean cross-entropy plus β·KL(N(μ, σ²) ‖ N(0, I)), with the code sampled with fresh noise ε ~ N(0, I) drawn
 * from the client's randomness; ε is never sent. The architecture is the model's; this class only decides how the
 * client trains it.
 *
 * <p>The adaptive attacker ({@link #knowledge}) knows the architecture and β but not ε: it optimises ε jointly
 * with the batch, as Balunović, Dimitrov, Jovanović and Vechev (Bayesian Framework for Gradient Leakage, ICLR
 * 2022) argue an attacker should model a defense's randomness. The naive attacker inverts the deterministic
 * model (ε = 0) without the KL term.
 */
public final class Precode implements BatchDefense {
    private final double beta;

    /** @param beta the weight of the KL term, ≥ 0 (the paper's 0.001) */
    public Precode(double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("precode.beta must be finite and >= 0, got " + beta);
        }
        this.beta = beta;
    }

    @Override
    public List<Tensor> gradient(Model model, List<Tensor> params, Tensor x, int[] labels, SplittableRandom rng) {
        VariationalBottleneck vb = bottleneck(model);
        int n = x.shape()[0];
        double[] eps = new double[n * vb.codeSize()];
        for (int i = 0; i < eps.length; i++) {
            eps[i] = rng.nextGaussian();
        }
        Var noise = Var.constant(x.backend().fromArray(eps, params.get(0).dtype(), n, vb.codeSize()));
        List<Var> leaves = new ArrayList<>(params.size());
        for (int i = 0; i < params.size(); i++) {
            leaves.add(Var.leaf(params.get(i), model.parameterShapes().get(i).name()));
        }
        VariationalBottleneck.Pass pass = vb.pass(Var.constant(x), leaves, ForwardState.batchStatistics(), noise);
        Var loss = Ops.add(Losses.crossEntropy(pass.logits(), labels), Ops.scale(pass.kl(), beta));
        List<Tensor> out = new ArrayList<>(params.size());
        for (Var g : Autodiff.grad(loss, leaves, false)) {
            out.add(g.value());
        }
        return out;
    }

    @Override
    public Optional<DefenseKnowledge> knowledge(Model model) {
        VariationalBottleneck vb = bottleneck(model);
        DefenseKnowledge.LatentNoise latent = new DefenseKnowledge.LatentNoise() {
            @Override
            public int[] shape(int batch) {
                return new int[] {batch, vb.codeSize()};
            }

            @Override
            public Pass pass(Var input, List<Var> params, ForwardState state, Var noise) {
                VariationalBottleneck.Pass p = vb.pass(input, params, state, noise);
                return new Pass(p.logits(), Ops.scale(p.kl(), beta));
            }
        };
        return Optional.of(DefenseKnowledge.latent(
                latent, "optimises PRECODE's noise ε jointly with the batch, with the KL term in the client's loss"));
    }

    private static VariationalBottleneck bottleneck(Model model) {
        if (!(model instanceof VariationalBottleneck vb)) {
            throw new IllegalArgumentException("defense precode trains a model with its variational bottleneck, but "
                    + "model " + model.spec().label() + " has none (it is built with the model option "
                    + org.leakbench.model.ModelSpec.BOTTLENECK + ")");
        }
        return vb;
    }

    @Override
    public String name() {
        return "precode-" + beta;
    }
}
