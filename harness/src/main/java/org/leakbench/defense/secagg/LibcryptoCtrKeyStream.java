package org.leakbench.defense.secagg;

import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;

/**
 * The key stream from OpenSSL's AES-128-CTR ({@link Libcrypto}): the cipher encrypts zeros into native memory,
 * which is copied into the caller's array (adding straight from the native buffer with the Vector API's
 * {@code fromByteBuffer} measured no faster on JDK 17 than copying a 32 KiB chunk). The context gets the cipher
 * once and is afterwards only re-keyed: naming the cipher again makes OpenSSL 3 rebuild its provider context,
 * about 1.2 us a seed against 0.4 us, which made 10^4-word masks slower on this route than on the JDK's.
 * OpenSSL increments the whole 128-bit counter block big-endian, as NIST SP 800-38A and the JDK routes do, so
 * all routes give the same bytes. The cipher context lives as long as this object (freed by the garbage
 * collector's cleaner through the segments' implicit scope).
 */
final class LibcryptoCtrKeyStream implements AesCtrKeyStream {
    private final Libcrypto lib;
    private final MemoryAddress context;
    private final MemorySegment key;
    private final MemorySegment counter;
    private final MemorySegment zeros;
    private final MemorySegment out;
    private final MemorySegment outLength;
    private final MemoryAddress cipher;
    private boolean cipherSet;

    LibcryptoCtrKeyStream(Libcrypto lib) {
        this.lib = lib;
        ResourceScope scope = ResourceScope.newImplicitScope();
        key = MemorySegment.allocateNative(16, 16, scope);
        counter = MemorySegment.allocateNative(16, 16, scope);
        zeros = MemorySegment.allocateNative(MAX_CHUNK, 64, scope);
        out = MemorySegment.allocateNative(MAX_CHUNK, 64, scope);
        outLength = MemorySegment.allocateNative(4, 4, scope);
        zeros.fill((byte) 0);
        try {
            cipher = (MemoryAddress) lib.aes128Ctr.invokeExact();
            context = (MemoryAddress) lib.ctxNew.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("libcrypto: cannot create a cipher context", e);
        }
        if (context.equals(MemoryAddress.NULL)) {
            throw new IllegalStateException("libcrypto: EVP_CIPHER_CTX_new returned NULL");
        }
        ContextRelease.register(scope, lib, context);
    }

    @Override
    public void start(byte[] keyBytes, byte[] initialCounter) {
        AesCtrKeyStream.checkStart(keyBytes, initialCounter);
        key.copyFrom(MemorySegment.ofArray(keyBytes));
        counter.copyFrom(MemorySegment.ofArray(initialCounter));
        // A NULL cipher keeps the one already set and only loads the new key and counter.
        MemoryAddress type = cipherSet ? MemoryAddress.NULL : cipher;
        int ok;
        try {
            ok = (int) lib.encryptInit.invokeExact(context, type, MemoryAddress.NULL, key.address(), counter.address());
        } catch (Throwable e) {
            throw new IllegalStateException("libcrypto: EVP_EncryptInit_ex failed", e);
        }
        if (ok != 1) {
            throw new IllegalStateException("libcrypto: EVP_EncryptInit_ex returned " + ok);
        }
        cipherSet = true;
    }

    @Override
    public void next(byte[] dst, int len) {
        encrypt(len);
        MemorySegment.ofArray(dst).asSlice(0, len).copyFrom(out.asSlice(0, len));
    }

    private void encrypt(int len) {
        AesCtrKeyStream.checkChunk(len);
        int ok;
        try {
            ok = (int) lib.encryptUpdate.invokeExact(context, out.address(), outLength.address(), zeros.address(), len);
        } catch (Throwable e) {
            throw new IllegalStateException("libcrypto: EVP_EncryptUpdate failed", e);
        }
        if (ok != 1) {
            throw new IllegalStateException("libcrypto: EVP_EncryptUpdate returned " + ok);
        }
    }

    /** Frees the cipher context when the scope closes; a holder so the close action does not capture this object. */
    private static final class ContextRelease {
        private ContextRelease() {}

        static void register(ResourceScope scope, Libcrypto lib, MemoryAddress context) {
            scope.addCloseAction(() -> {
                try {
                    lib.ctxFree.invokeExact(context);
                } catch (Throwable e) {
                    // nothing to do at collection time: the context leaks
                }
            });
        }
    }
}
