package org.leakbench.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.leakbench.attack.AttackComponent;
import org.leakbench.attack.PrivateBatch;
import org.leakbench.attack.audit.DpAuditComponent;
import org.leakbench.attack.membership.MembershipComponent;
import org.leakbench.attack.property.PropertyComponent;
import org.leakbench.component.Component;
import org.leakbench.component.ComponentKind;
import org.leakbench.component.ComponentRegistry;
import org.leakbench.component.ParameterSpec;
import org.leakbench.component.ParameterView;
import org.leakbench.data.DataSplit;
import org.leakbench.data.DatasetComponent;
import org.leakbench.data.DatasetNotFoundException;
import org.leakbench.defense.DefenseComponent;
import org.leakbench.model.ModelComponent;
import org.leakbench.model.ModelSpec;
import org.leakbench.model.Models;
import org.leakbench.sweep.ParameterRegistry;
import org.leakbench.update.Update;

/**
 * What every registered component promises: a description, parameters with descriptions and in-range
 * defaults, and a factory that builds with those defaults on a tiny case. Also pins that the services file
 * and the sweep parameters agree.
 */
class ComponentContractTest {
    static final ComponentRegistry REGISTRY = ComponentRegistry.installed();

    /** The point every component reads: the parameter registry's defaults with this component's on top. */
    static ParameterView defaults(Component c) {
        ParameterRegistry params = ParameterRegistry.defaults();
        Map<String, Object> point = new HashMap<>();
        params.specs().forEach(s -> point.put(s.name(), s.defaultValue()));
        point.put(c.kind().parameter(), c.name());
        params.specs().stream()
                .filter(s -> !s.name().equals(c.kind().parameter()))
                .forEach(s -> point.put(s.name(), params.defaultFor(s.name(), point)));
        return name -> {
            Object v = point.get(name);
            if (v == null) {
                throw new IllegalArgumentException(c + " reads '" + name + "', which is no sweep parameter");
            }
            return v;
        };
    }

    @Test
    void everyKindIsPopulatedAndEveryComponentDescribed() {
        for (ComponentKind k : ComponentKind.values()) {
            assertFalse(REGISTRY.all(k).isEmpty(), k.toString());
        }
        for (Component c : REGISTRY.all()) {
            assertFalse(c.descriptor().summary().isBlank(), c.toString());
            for (ParameterSpec s : c.descriptor().ownParameters()) {
                assertFalse(s.description().isBlank(), c + " " + s.name());
                assertEquals(
                        s.defaultValue(),
                        s.parse(org.leakbench.sweep.Values.format(s.defaultValue())),
                        c + ": default of " + s.name() + " must parse back within its range");
                if (s.type() == org.leakbench.component.ParamType.INT
                        || s.type() == org.leakbench.component.ParamType.DOUBLE) {
                    assertFalse(s.unit().isEmpty(), c + ": " + s.name() + " needs a unit");
                }
            }
        }
    }

    @Test
    void everyFactoryBuildsWithItsDefaults() {
        float[][] images = {new float[784]};
        int[] labels = {3};
        Update u = Update.fromFlat(
                new float[] {3, -4, 0, 12, 0.5f, -0.25f}, List.of(new int[] {6}), Update.Kind.GRADIENT, 1, 1.0);
        for (Component c : REGISTRY.all()) {
            ParameterView p = defaults(c);
            if (c instanceof AttackComponent a) {
                assertNotNull(a.build(p, new PrivateBatch(images, labels)), c.toString());
            } else if (c instanceof MembershipComponent m) {
                assertNotNull(m.build(p), c.toString());
            } else if (c instanceof org.leakbench.attack.membership.UpdateMembershipComponent um) {
                assertNotNull(um.options(p), c.toString());
            } else if (c instanceof PropertyComponent pc) {
                assertNotNull(pc.create(p, UnaryOperator.identity()), c.toString());
            } else if (c instanceof DpAuditComponent da) {
                assertNotNull(
                        DpAuditComponent.mechanism(da.plan(p), DpAuditComponent.Level.EXAMPLE, 1.0, 1.0, null),
                        c.toString());
            } else if (c instanceof DefenseComponent d) {
                Update out = d.build(p).apply(u, new SplittableRandom(1));
                assertEquals(u.flatten().length, out.flatten().length, c.toString());
            } else if (c instanceof ModelComponent m) {
                assertTrue(Models.build(specOnSomeSample(m, p)).parameterCount() > 0, c.toString());
            } else if (c instanceof DatasetComponent d) {
                try {
                    DataSplit split = d.load(null, p);
                    assertTrue(split.train().samples().length > 0, c.toString());
                } catch (DatasetNotFoundException e) { // full sets are not bundled; the error says how to get them
                    assertTrue(
                            e.getMessage().contains(c.name()) || e.getMessage().contains("MNIST"), e.getMessage());
                }
            } else {
                fail(c + " is a " + c.getClass().getName() + ", which no factory type covers");
            }
        }
    }

    /**
     * The model's spec for 28 x 28 images or, if it refuses images with an error that names their shape, for
     * windows of 8 token ids over a vocabulary of 10.
     */
    private static ModelSpec specOnSomeSample(ModelComponent m, ParameterView p) {
        try {
            return m.spec(p, new int[] {1, 28, 28}, 10);
        } catch (IllegalArgumentException image) {
            assertTrue(image.getMessage().contains("[1, 28, 28]"), m + ": " + image.getMessage());
            return m.spec(p, new int[] {8}, 10);
        }
    }

    @Test
    void theServicesFileListsExactlyTheRegisteredComponents() throws IOException {
        List<String> listed = new ArrayList<>();
        Enumeration<URL> files =
                getClass().getClassLoader().getResources("META-INF/services/" + Component.class.getName());
        while (files.hasMoreElements()) {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                r.lines()
                        .map(l -> l.replaceFirst("#.*", "").trim())
                        .filter(l -> !l.isEmpty())
                        .forEach(listed::add);
            }
        }
        List<String> registered =
                REGISTRY.all().stream().map(c -> c.getClass().getName()).toList();
        assertEquals(new HashSet<>(listed), new HashSet<>(registered));
        assertEquals(listed.size(), registered.size(), "a class listed twice");
    }

    @Test
    void theSweepParametersAreTheGlobalsAndWhatTheComponentsDeclare() {
        ParameterRegistry params = ParameterRegistry.defaults();
        Set<String> names = new HashSet<>(params.names());
        for (Component c : REGISTRY.all()) {
            assertTrue(names.contains(c.kind().parameter()), c.kind().parameter());
            assertTrue(params.get(c.kind().parameter()).allowed().contains(c.name()), c.toString());
            for (ParameterSpec s : c.descriptor().parameters()) {
                assertEquals(s, params.get(s.name()), c + ": " + s.name() + " is its own column");
            }
            c.descriptor()
                    .mainParameter()
                    .ifPresent(s -> assertTrue(names.contains(c.kind().mainSlot())));
        }
        for (ComponentKind k : ComponentKind.values()) {
            assertEquals(REGISTRY.names(k), params.get(k.parameter()).allowed());
        }
    }
}
