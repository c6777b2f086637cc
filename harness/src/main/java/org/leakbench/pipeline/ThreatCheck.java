package org.leakbench.pipeline;

import org.leakbench.attack.Attack;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.attack.analytic.MaliciousServerAttack;
import org.leakbench.component.Component;
import org.leakbench.component.ParameterView;
import org.leakbench.component.Requirement;

/**
 * Refuses, before anything runs, a point whose attack its threat model does not allow: an attack that changes
 * the model the server sends ({@link Requirement#MALICIOUS_SERVER}) under an honest-but-curious server or a
 * curious client would report leakage that the stated threat could not cause. A malicious-server attack is also
 * built once here, so that settings that make it meaningless (one imprint bin, a batch of one to fish from) are
 * refused with the field named instead of being run to a number.
 */
final class ThreatCheck {
    static final String THREAT = "threat";
    static final String MALICIOUS = "malicious-server";

    private ThreatCheck() {}

    static void check(ParameterView p) {
        Component attack = ChosenComponents.attack(p);
        if (!attack.needs(Requirement.MALICIOUS_SERVER)) {
            return;
        }
        String threat = p.string(THREAT);
        if (!MALICIOUS.equals(threat)) {
            throw new IllegalArgumentException("attack '" + attack.name() + "' needs "
                    + Requirement.MALICIOUS_SERVER.text() + ", but threat '" + threat + "' " + grants(threat)
                    + " (set threat: " + MALICIOUS + ")");
        }
        Attack built = ChosenComponents.reconstruction(p).build(p, new PrivateBatch(new float[0][], new int[0]));
        if (!(built instanceof MaliciousServerAttack malicious)) {
            throw new IllegalStateException("attack '" + attack.name() + "' needs a malicious server but does not "
                    + "say what the server sends");
        }
        String why = malicious.refusal(p);
        if (why != null) {
            throw new IllegalArgumentException("attack '" + attack.name() + "': " + why);
        }
    }

    private static String grants(String threat) {
        return switch (threat) {
            case "server" -> "is an honest-but-curious server that sends the model unchanged";
            case "curious-client" -> "is a client, which cannot choose the model";
            default -> "does not let the server choose the model";
        };
    }
}
