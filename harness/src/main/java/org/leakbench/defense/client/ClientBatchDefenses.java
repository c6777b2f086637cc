package org.leakbench.defense.client;

import static org.leakbench.component.Range.atLeast;
import static org.leakbench.component.Range.closed;
import static org.leakbench.component.Tier.CHEAP;

import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Range;
import org.leakbench.component.Requirement;

/** The registered defenses that act on the client's batch: Soteria, a fixed augmentation policy (ATS), MixUp, InstaHide. */
public final class ClientBatchDefenses {
    /** ATS's transformations, applied left to right. */
    public static final ParameterSpec ATS_POLICY = ParameterSpec.ofText(
            "ats.policy",
            CHEAP,
            "rotate,shift,contrast",
            "augmentation policy of defense ats: comma-separated transformations from " + AugmentationPolicy.TRANSFORMS
                    + ", applied left to right");

    public static final ParameterSpec ATS_ROTATE = ParameterSpec.ofDouble(
                    "ats.rotate", CHEAP, closed(-180, 180), 30, "rotation angle of ats's rotate transformation")
            .withUnit("degrees counter-clockwise");
    public static final ParameterSpec ATS_SHIFT = ParameterSpec.ofInt(
                    "ats.shift", CHEAP, atLeast(0), 3, "shift of ats's shift transformation, down and right")
            .withUnit("pixels");
    public static final ParameterSpec ATS_CONTRAST = ParameterSpec.ofDouble(
                    "ats.contrast",
                    CHEAP,
                    new Range(0, false, 10, true),
                    0.5,
                    "factor of ats's contrast transformation about mid-grey")
            .withUnit("factor");

    private ClientBatchDefenses() {}

    /**
     * {@code soteria}: the classifier's weight gradient pruned at the representation coordinates with the largest
     * ‖r‖/‖∂r/∂x‖ ({@link Soteria}). The default fraction 0.6 is untuned.
     */
    public static final class SoteriaDefense extends BatchDefenseComponent {
        public SoteriaDefense() {
            super(
                    Descriptor.of(
                                    ComponentKind.DEFENSE,
                                    "soteria",
                                    "Soteria: the gradient of the layer reading the representation is pruned where "
                                            + "the input is easiest to reconstruct from it")
                            .cites("Sun, Li, Wang, Chen, Li, Chen, Provable Defense against Privacy Leakage in "
                                    + "Federated Learning from Representation Perspective, CVPR 2021")
                            .main(ParameterSpec.ofDouble(
                                            "soteria.prune",
                                            CHEAP,
                                            closed(0, 1),
                                            0.6,
                                            "fraction of representation coordinates whose classifier gradient is "
                                                    + "set to zero")
                                    .withUnit("fraction of representation coordinates"))
                            .requires(Requirement.IMAGE_DATA)
                            .does(Capability.TRANSFORMS_CLIENT_BATCH)
                            .build(),
                    "Balunović et al. 2022 (Bayesian Framework for Gradient Leakage, ICLR): the attacker leaves the "
                            + "pruned classifier weight out of the gradient matching");
        }

        @Override
        protected BatchDefense createBatch(ParameterView own) {
            return new Soteria(own.doubleValue("soteria.prune"));
        }
    }

    /** {@code ats}: the client trains on its images after a fixed transformation policy ({@link Augmentation}). */
    public static final class Ats extends BatchDefenseComponent {
        public Ats() {
            super(
                    Descriptor.of(
                                    ComponentKind.DEFENSE,
                                    "ats",
                                    "augmentation as a defense: the client's images pass a fixed policy of "
                                            + "transformations before its gradient")
                            .cites("Gao, Liu, Zhang, Qiu, Sun, Privacy-preserving Collaborative Learning with "
                                    + "Automatic Transformation Search, CVPR 2021")
                            .parameters(ATS_POLICY, ATS_ROTATE, ATS_SHIFT, ATS_CONTRAST)
                            .requires(Requirement.IMAGE_DATA)
                            .does(Capability.TRANSFORMS_CLIENT_BATCH)
                            .build(),
                    "Balunović et al. 2022 (Bayesian Framework for Gradient Leakage, ICLR): the attacker knows the "
                            + "policy and optimises the original image through it");
        }

        @Override
        protected BatchDefense createBatch(ParameterView own) {
            return new Augmentation(policy(own));
        }

        /** The policy of a point. */
        public static AugmentationPolicy policy(ParameterView p) {
            return AugmentationPolicy.parse(
                    p.string(ATS_POLICY.name()),
                    p.doubleValue(ATS_ROTATE.name()),
                    p.intValue(ATS_SHIFT.name()),
                    p.doubleValue(ATS_CONTRAST.name()));
        }
    }

    /** {@code mixup}: the client trains on mixed pairs of its batch ({@link MixUp}); no adaptive attack is claimed. */
    public static final class MixUpDefense extends BatchDefenseComponent {
        public MixUpDefense() {
            super(
                    Descriptor.of(
                                    ComponentKind.DEFENSE,
                                    "mixup",
                                    "MixUp as a defense: the client trains on Beta-weighted mixtures of pairs of its "
                                            + "batch, labels mixed alike")
                            .cites("Zhang, Cisse, Dauphin, Lopez-Paz, mixup: Beyond Empirical Risk Minimization, ICLR "
                                    + "2018")
                            .main(ParameterSpec.ofDouble(
                                            "mixup.alpha",
                                            CHEAP,
                                            new Range(0, false, 1e6, true),
                                            1.0,
                                            "concentration alpha of the Beta(alpha, alpha) mixing weight")
                                    .withUnit("Beta concentration"))
                            .requires(Requirement.IMAGE_DATA)
                            .does(Capability.TRANSFORMS_CLIENT_BATCH)
                            .build(),
                    "none: the partners and weights are the client's fresh randomness; demixing across many "
                            + "updates (as Carlini et al. 2021 do for InstaHide) is not implemented");
        }

        @Override
        protected BatchDefense createBatch(ParameterView own) {
            return new MixUp(own.doubleValue("mixup.alpha"));
        }
    }

    /**
     * {@code instahide}: each image mixed with k − 1 others of the batch and sign-flipped pixel by pixel
     * ({@link InstaHide}); k = 4 is the paper's setting.
     */
    public static final class InstaHideDefense extends BatchDefenseComponent {
        public InstaHideDefense() {
            super(
                    Descriptor.of(
                                    ComponentKind.DEFENSE,
                                    "instahide",
                                    "InstaHide: the client trains on mixtures of k images of its batch with random "
                                            + "per-pixel sign flips")
                            .cites("Huang, Song, Li, Arora, InstaHide: Instance-hiding Schemes for Private "
                                    + "Distributed Learning, ICML 2020")
                            .main(new ParameterSpec(
                                    "instahide.k",
                                    org.leakbench.component.ParamType.INT,
                                    java.util.List.of(),
                                    closed(1, 64),
                                    4,
                                    "images mixed into each encoding",
                                    CHEAP,
                                    "images"))
                            .requires(Requirement.IMAGE_DATA)
                            .does(Capability.TRANSFORMS_CLIENT_BATCH)
                            .build(),
                    "Carlini et al. 2021 (Is Private Learning Possible with Instance Encoding?, S&P), simplified: "
                            + "the attacker inverts the signed encoding in [-1, 1] and takes its absolute value; "
                            + "the demixing across updates is not implemented");
        }

        @Override
        protected BatchDefense createBatch(ParameterView own) {
            return new InstaHide((int) Math.round(own.doubleValue("instahide.k")));
        }
    }
}
