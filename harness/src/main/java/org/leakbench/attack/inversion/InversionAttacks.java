package org.leakbench.attack.inversion;

import static org.leakbench.attack.AttackParameters.ITERATIONS;
import static org.leakbench.attack.AttackParameters.L1;
import static org.leakbench.attack.AttackParameters.LR;
import static org.leakbench.attack.AttackParameters.RESTARTS;
import static org.leakbench.attack.AttackParameters.TV;

import org.leakbench.attack.Attack;
import org.leakbench.attack.AttackComponent;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.component.Capability;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;
import org.leakbench.tensor.DType;

/** The registered gradient-matching attacks: DLG, iDLG, Inverting Gradients and TAG. */
public final class InversionAttacks {
    private InversionAttacks() {}

    /** {@code dlg}: 300 L-BFGS iterations on the squared gradient distance, labels optimised too. */
    public static final class Dlg extends AttackComponent {
        public Dlg() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "dlg",
                            "Deep Leakage from Gradients: L-BFGS on the squared "
                                    + "L2 gradient distance, inputs and soft labels from noise")
                    .cites("Zhu, Liu, Han, Deep Leakage from Gradients, NeurIPS 2019")
                    .parameters(ITERATIONS, Adaptation.ADAPTIVE)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new DlgAttack(new DlgOptions(p.intValue(ITERATIONS.name()), false, DType.F32), Adaptation.of(p));
        }
    }

    /** {@code idlg}: DLG with the label read off the last layer's gradient first. */
    public static final class Idlg extends AttackComponent {
        public Idlg() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "idlg",
                            "improved DLG: the label from the sign of the last "
                                    + "layer's gradient, then DLG on the inputs")
                    .cites("Zhao, Mopuri, Bilen, iDLG: Improved Deep Leakage from Gradients, arXiv:2001.02610, 2020")
                    .parameters(ITERATIONS, Adaptation.ADAPTIVE)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new DlgAttack(new DlgOptions(p.intValue(ITERATIONS.name()), true, DType.F32), Adaptation.of(p));
        }
    }

    /**
     * {@code ig}: cosine gradient distance plus total variation, signed Adam in a [0, 1] box with the step
     * decayed tenfold at 3/8, 5/8 and 7/8 of the run. The optimiser defaults are those of Geiping et al. 2020 as
     * breaching's {@code attack/invertinggradients.yaml} sets them: step size 0.1, 24,000 iterations, one trial.
     * That config's TV scale, 0.2 on normalised CIFAR/ImageNet images, is not the default here: on DLG's LeNet
     * and Fashion-MNIST test image 311 in [0, 1] (seed 1, 2000 iterations) it gave 17.4 dB against 48.0 dB at
     * 1e-4 and 45.4 dB without TV, so the default is 1e-4, the weight the paper preset uses.
     */
    public static final class Ig extends AttackComponent {
        public Ig() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "ig",
                            "Inverting Gradients: cosine gradient distance and "
                                    + "total variation, signed Adam with step decay in a [0, 1] box")
                    .cites("Geiping, Bauermeister, Droege, Moeller, Inverting Gradients - How easy is it to break "
                            + "privacy in federated learning?, NeurIPS 2020")
                    .parameters(ITERATIONS, RESTARTS, TV, LR, Adaptation.ADAPTIVE)
                    .defaults(ITERATIONS.name(), 24_000)
                    .defaults(RESTARTS.name(), 1)
                    .defaults(TV.name(), 1e-4)
                    .defaults(LR.name(), 0.1)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new InvertingGradientsAttack(
                    new InvertingGradientsOptions(
                            p.intValue(ITERATIONS.name()),
                            p.intValue(RESTARTS.name()),
                            p.doubleValue(LR.name()),
                            p.doubleValue(TV.name()),
                            DType.F32),
                    Adaptation.of(p));
        }
    }

    /**
     * {@code tag}: TAG's gradient distance, squared L2 plus α·L1, minimised by Adam over softmax-relaxed tokens.
     * The paper does not state α, step size or budget; the defaults are those of the TAG baseline in LAMP's code
     * (Balunović et al., NeurIPS 2022, {@code tag.sh}: {@code --tag_factor 0.01 --lr 0.1 --n_steps 2500}, no
     * step decay).
     */
    public static final class Tag extends AttackComponent {
        public Tag() {
            super(Descriptor.of(
                            ComponentKind.ATTACK,
                            "tag",
                            "TAG: squared L2 plus alpha times L1 gradient distance, Adam on softmax-relaxed "
                                    + "tokens decoded by arg-max, labels from the output bias")
                    .cites("Deng, Wang, Lu, Ramadhani, Li, Jin, Kwon, Ding, TAG: Gradient Attack on "
                            + "Transformer-based Language Models, Findings of EMNLP 2021")
                    .parameters(ITERATIONS, LR, L1)
                    .defaults(ITERATIONS.name(), 2500)
                    .defaults(LR.name(), 0.1)
                    .defaults(L1.name(), 0.01)
                    .requires(Requirement.TOKEN_DATA)
                    .does(Capability.RECONSTRUCTS_INPUTS)
                    .build());
        }

        @Override
        protected Attack create(ParameterView p, PrivateBatch truth) {
            return new TagAttack(new TagOptions(
                    p.intValue(ITERATIONS.name()), p.doubleValue(LR.name()), p.doubleValue(L1.name()), DType.F32));
        }
    }
}
