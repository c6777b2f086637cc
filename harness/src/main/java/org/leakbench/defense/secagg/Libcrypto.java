package org.leakbench.defense.secagg;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.SymbolLookup;

/**
 * The few functions of the system's OpenSSL library (libcrypto 3 or 1.1) that the mask generator calls, through
 * the JDK's foreign-function interface (the incubating {@code jdk.incubator.foreign} of Java 17, JEP 412): the
 * EVP interface to AES-128-CTR, which OpenSSL runs on AES-NI with eight blocks in flight. Loaded only when
 * {@link MaskPrgRoute} has seen the module; {@link #load()} names what is missing when it cannot be used.
 * {@code -Dleakbench.libcrypto=FILE} names the library file; otherwise the usual system directories are searched.
 */
final class Libcrypto {
    static final String PROPERTY = "leakbench.libcrypto";
    private static final List<String> NAMES = List.of("libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so");
    private static final List<String> DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu",
            "/lib/x86_64-linux-gnu",
            "/usr/lib64",
            "/lib64",
            "/usr/lib",
            "/usr/local/lib",
            "/opt/homebrew/lib",
            "/usr/local/opt/openssl/lib");

    final MethodHandle ctxNew;
    final MethodHandle ctxFree;
    final MethodHandle aes128Ctr;
    final MethodHandle encryptInit;
    final MethodHandle encryptUpdate;
    final String version;

    private static volatile Object loaded;

    private Libcrypto(SymbolLookup symbols) throws Throwable {
        CLinker c = CLinker.getInstance();
        ctxNew = c.downcallHandle(
                symbol(symbols, "EVP_CIPHER_CTX_new"),
                MethodType.methodType(MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_POINTER));
        ctxFree = c.downcallHandle(
                symbol(symbols, "EVP_CIPHER_CTX_free"),
                MethodType.methodType(void.class, MemoryAddress.class),
                FunctionDescriptor.ofVoid(CLinker.C_POINTER));
        aes128Ctr = c.downcallHandle(
                symbol(symbols, "EVP_aes_128_ctr"),
                MethodType.methodType(MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_POINTER));
        encryptInit = c.downcallHandle(
                symbol(symbols, "EVP_EncryptInit_ex"),
                MethodType.methodType(
                        int.class,
                        MemoryAddress.class,
                        MemoryAddress.class,
                        MemoryAddress.class,
                        MemoryAddress.class,
                        MemoryAddress.class),
                FunctionDescriptor.of(
                        CLinker.C_INT,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER));
        encryptUpdate = c.downcallHandle(
                symbol(symbols, "EVP_EncryptUpdate"),
                MethodType.methodType(
                        int.class,
                        MemoryAddress.class,
                        MemoryAddress.class,
                        MemoryAddress.class,
                        MemoryAddress.class,
                        int.class),
                FunctionDescriptor.of(
                        CLinker.C_INT,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER,
                        CLinker.C_POINTER,
                        CLinker.C_INT));
        MethodHandle versionText = c.downcallHandle(
                symbol(symbols, "OpenSSL_version"),
                MethodType.methodType(MemoryAddress.class, int.class),
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_INT));
        version = CLinker.toJavaString((MemoryAddress) versionText.invokeExact(0));
    }

    private static MemoryAddress symbol(SymbolLookup symbols, String name) {
        return symbols.lookup(name).orElseThrow(() -> new IllegalStateException("libcrypto has no symbol " + name));
    }

    /**
     * The library, or a String saying why it cannot be used (no such file, no native access granted with
     * {@code --enable-native-access=ALL-UNNAMED}, a symbol missing). Tried once per JVM.
     */
    static Object load() {
        Object l = loaded;
        if (l == null) {
            l = tryLoad();
            loaded = l;
        }
        return l;
    }

    private static Object tryLoad() {
        Path file = locate();
        if (file == null) {
            return "no libcrypto found (set -D" + PROPERTY + "=FILE)";
        }
        try {
            System.load(file.toString());
            return new Libcrypto(SymbolLookup.loaderLookup());
        } catch (IllegalCallerException e) {
            return "native access not enabled (start Java with --enable-native-access=ALL-UNNAMED)";
        } catch (UnsatisfiedLinkError | IllegalStateException e) {
            return file + " unusable: " + e.getMessage();
        } catch (Throwable e) { // from invokeExact: the version call failed
            return file + " unusable: " + e;
        }
    }

    private static Path locate() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            Path p = Path.of(forced.trim());
            return Files.isRegularFile(p) ? p : null;
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : DIRECTORIES) {
            for (String name : NAMES) {
                candidates.add(Path.of(dir, name));
            }
        }
        for (Path p : candidates) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
