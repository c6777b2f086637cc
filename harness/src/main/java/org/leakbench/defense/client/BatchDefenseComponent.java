package org.leakbench.defense.client;

import org.leakbench.component.Capability;
import org.leakbench.component.Descriptor;
import org.leakbench.component.ParameterView;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.defense.UpdateDefense;

/**
 * A registered defense that acts where the client computes its gradient ({@link Capability#TRANSFORMS_CLIENT_BATCH}):
 * the update it sends is already defended, so its {@link UpdateDefense} is the identity, and the pipeline asks
 * for its {@link BatchDefense} instead, for the attacked victim and for every client of the utility run alike.
 */
public abstract class BatchDefenseComponent extends DefenseComponent {
    private final String adaptive;

    /**
     * @param adaptive the adaptive attack that tests this defense, or why none is claimed; it starts with "none:"
     *                 in the second case
     */
    protected BatchDefenseComponent(Descriptor descriptor, String adaptive) {
        super(descriptor);
        if (!descriptor.capabilities().contains(Capability.TRANSFORMS_CLIENT_BATCH)) {
            throw new IllegalArgumentException(
                    descriptor.name() + " must declare " + Capability.TRANSFORMS_CLIENT_BATCH);
        }
        this.adaptive = adaptive;
    }

    /** The client's batch defense for the point {@code point}. */
    public final BatchDefense batchDefense(ParameterView point) {
        return createBatch(view(point));
    }

    /** The batch defense, reading parameters under this component's own names ({@code soteria.prune}). */
    protected abstract BatchDefense createBatch(ParameterView own);

    /** Whether an adaptive attack is implemented for this defense ({@code attack.adaptive: true}). */
    public final boolean hasAdaptiveAttack() {
        return !adaptive.startsWith("none:");
    }

    /** The adaptive attack against this defense, or the reason none is claimed. */
    public final String adaptiveAttack() {
        return adaptive;
    }

    @Override
    protected final UpdateDefense create(ParameterView own) {
        return UpdateDefense.none(); // the defense is already in the gradient the client computed
    }
}
