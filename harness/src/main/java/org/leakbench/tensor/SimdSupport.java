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
    public static final String MODULE = "jdk.incubator.vector";
    public static final String PROPERTY = "leakbench.simd";
    private static final boolean ENABLED = moduleResolved() && !"false".equalsIgnoreCase(System.getProperty(PROPERTY));

    private SimdSupport() {}

    /** True when float32 convolutions run on the Vector API. */
    public static boolean enabled() {
        return ENABLED;
    }

    /** True when the JVM has the Vector API module, whether or not {@link #PROPERTY} turns it off. */
    public static boolean moduleResolved() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }
}
