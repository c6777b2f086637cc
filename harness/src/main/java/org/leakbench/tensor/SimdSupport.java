package org.leakbench.tensor;

/**
 * Whether the float32 kernels of the pure-Java backend (convolutions, element-wise maps) and the generator of
 * the fast Gaussian noise ({@code defense.dp.FastGaussianSampler}) may use the JDK's Vector API: the incubating
 * module {@code jdk.incubator.vector}, which a JVM only has when started with
 * {@code --add-modules=jdk.incubator.vector}. Without it, or with {@code -Dleakbench.simd=false}, the same
 * maps run in scalar loops; results agree to float rounding (the noise bit for bit). This class never touches
 * the Vector API itself, so it loads on any JVM.
 */
public final class SimdSupport {
    static final String MODULE = "jdk.incubator.vector";
    static final String PROPERTY = "leakbench.simd";
    private static final boolean ENABLED = ModuleLayer.boot().findModule(MODULE).isPresent()
            && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));

    private SimdSupport() {
    }

    /** True when float32 convolutions run on the Vector API. */
    public static boolean enabled() {
        return ENABLED;
    }

    /** One line for {@code leakbench env} and provenance. */
    public static String description() {
        if (ENABLED) {
            return "float32 convolutions, products and element-wise maps on the Vector API (" + SimdGemm.lanes()
                    + " float lanes)";
        }
        if (ModuleLayer.boot().findModule(MODULE).isPresent()) {
            return "float32 in scalar loops (-D" + PROPERTY + "=false)";
        }
        return "float32 in scalar loops (start Java with --add-modules=" + MODULE
                + " for SIMD, 6-9x faster convolutional models)";
    }
}
