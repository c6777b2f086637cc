package org.leakbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.LocationProvider;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Set;
import org.leakbench.cli.LeakBench;
import org.leakbench.fl.Client;

/**
 * The layers of the harness, lowest first: a package may import only packages below it, and no two top-level
 * packages import each other, even through others. A layer that does not exist yet is allowed (optional), but
 * every class must sit in one of the layers, so a new top-level package has to be placed in the order.
 *
 * <p>{@code sweep} sits below {@code pipeline}: the sweep runner owns the point-executor interface and the
 * pipeline implements it (found by {@code ServiceLoader}), so the pipeline imports {@code sweep}'s point types
 * and not the other way round.
 */
@AnalyzeClasses(locations = LayeringTest.HarnessMainClasses.class)
class LayeringTest {
    /** The top-level packages of {@code org.leakbench}, lowest first. */
    static final List<String> ORDER = List.of(
            "tensor",
            "component",
            "autodiff",
            "optim",
            "model",
            "data",
            "metric",
            "update",
            "defense",
            "fl",
            "attack",
            "experiment",
            "sweep",
            "pipeline",
            "cluster",
            "cli");

    /** Only this module's production classes: not tests, and not the plots or results modules on the classpath. */
    public static final class HarnessMainClasses implements LocationProvider {
        @Override
        public Set<Location> get(Class<?> testClass) {
            return Set.of(Location.of(
                    LeakBench.class.getProtectionDomain().getCodeSource().getLocation()));
        }
    }

    static LayeredArchitecture layers() {
        LayeredArchitecture arch = Architectures.layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true);
        for (String layer : ORDER) {
            arch = arch.layer(layer).definedBy("org.leakbench." + layer + "..");
        }
        for (int i = 0; i < ORDER.size() - 1; i++) {
            String[] above = ORDER.subList(i + 1, ORDER.size()).toArray(String[]::new);
            arch = arch.whereLayer(ORDER.get(i)).mayOnlyBeAccessedByLayers(above);
        }
        return arch.whereLayer(ORDER.get(ORDER.size() - 1))
                .mayNotBeAccessedByAnyLayer()
                .ensureAllClassesAreContainedInArchitecture();
    }

    /** The rules below would pass vacuously on an empty import: make sure the harness is what was read. */
    @ArchTest
    static void readsTheHarnessClasses(JavaClasses classes) {
        assertTrue(
                classes.contain(LeakBench.class) && classes.contain(Client.class) && classes.size() > 300,
                "imported " + classes.size() + " classes");
        assertFalse(classes.contain(LayeringTest.class), "test classes are not part of the layering");
    }

    @ArchTest
    static final ArchRule lowerLayersNeverImportHigherOnes = layers();

    @ArchTest
    static final ArchRule topLevelPackagesAreFreeOfCycles =
            slices().matching("org.leakbench.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule attacksNeverRunTheFederation = noClasses()
            .that()
            .resideInAPackage("org.leakbench.attack..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("org.leakbench.fl..")
            .because("an attack gets what its threat model observes (org.leakbench.update); experiments that train "
                    + "and attack belong in org.leakbench.experiment");

    @ArchTest
    static final ArchRule onlyTheCommandLineHasAMain = methods()
            .that()
            .haveName("main")
            .and()
            .areStatic()
            .and()
            .arePublic()
            .should()
            .beDeclaredIn(LeakBench.class)
            .because("experiments and demos run as leakbench commands, tested, not as mains in library packages");
}
