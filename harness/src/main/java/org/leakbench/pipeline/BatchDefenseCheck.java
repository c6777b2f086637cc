package org.leakbench.pipeline;

import java.util.Arrays;
import org.leakbench.attack.inversion.Adaptation;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.ModelExtension;
import org.leakbench.defense.client.BatchDefenseComponent;
import org.leakbench.defense.client.Classifier;
import org.leakbench.model.Model;
import org.leakbench.model.Models;

/**
 * The set-up checks of defenses that act on the client's batch (Soteria, ATS, MixUp, InstaHide, PRECODE) and of adaptive
 * attacks, made before the sweep runs: an adaptive attack needs a defense it adapts to in the chain
 * ({@link Adaptation#refusal}); a batch defense needs image batches [channels, height, width], Soteria a model
 * that ends in a linear classifier, PRECODE a model its bottleneck fits, and the curious-client threat (which trains the other clients with update
 * defenses only) is refused with them.
 */
final class BatchDefenseCheck {
    private BatchDefenseCheck() {}

    /** Why {@code p} cannot run, judged without a model, or null. */
    static String refusal(ParameterView p) {
        String adaptive = Adaptation.refusal(p);
        if (adaptive != null) {
            return adaptive;
        }
        DefenseComponent defense = ChosenComponents.defense(p);
        if (defense instanceof BatchDefenseComponent && "curious-client".equals(p.string("threat"))) {
            return "defense " + defense.name() + " acts in the client's batch, which the curious-client threat's "
                    + "simulation does not run; use threat: server";
        }
        return null;
    }

    /** Why {@code p}'s batch defense cannot run on {@code model}, or null. */
    static String refusal(ParameterView p, Model model) {
        DefenseComponent defense = ChosenComponents.defense(p);
        if (!(defense instanceof BatchDefenseComponent)) {
            return null;
        }
        if (defense instanceof ModelExtension extension) {
            try {
                Models.build(extension.extend(model.spec(), p));
            } catch (IllegalArgumentException e) {
                return "defense " + defense.name() + " cannot extend model "
                        + model.spec().family() + ": " + e.getMessage();
            }
        }
        int[] in = model.spec().inputShape();
        if (defense.needs(Requirement.IMAGE_DATA) && in.length != 3) {
            return "defense " + defense.name() + " needs image batches [channels, height, width], but model "
                    + model.spec().family() + " reads samples of shape " + Arrays.toString(in);
        }
        if ("soteria".equals(defense.name())) {
            try {
                if (Classifier.weightIndex(model) == 0) {
                    return "defense soteria prunes the gradient of the layer that reads the representation, but "
                            + "model " + model.spec().family() + "'s classifier reads the input itself";
                }
            } catch (IllegalArgumentException e) {
                return "defense soteria prunes the gradient of the layer that reads the representation: "
                        + e.getMessage();
            }
        }
        return null;
    }
}
