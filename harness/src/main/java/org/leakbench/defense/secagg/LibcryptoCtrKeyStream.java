package org.leakbench.defense.secagg;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import org.leakbench.tensor.SimdSupport;

/**
 * The key stream from OpenSSL's AES-128-CTR ({@link Libcrypto}): the cipher encrypts a reused block of zeros
 * into a reused native chunk, and the words go from there onto the caller's array while the chunk is still in
 * the L1 cache: written with one bulk copy, or bulk-copied into a reused int[] and added from there on the
 * Vector API ({@link SimdMaskAdd}; reading the native chunk through a direct buffer measured slower on JDK 17
 * than the copy and the add together, and a byte[] between them slower still). Nothing is
 * allocated per call. The context gets the cipher once and is afterwards only re-keyed:
 * naming the cipher again makes OpenSSL 3 rebuild its provider context, about 1.2 us a seed against 0.4 us,
 * which made 10^4-word masks slower on this route than on the JDK's. OpenSSL increments the whole 128-bit
 * counter block big-endian, as NIST SP 800-38A and the JDK routes do, so all routes give the same bytes. The
 * cipher context lives as long as this object (freed by the garbage collector's cleaner through the segments'
 * implicit scope).
 */
final class LibcryptoCtrKeyStream implements AesCtrKeyStream {
    private final Libcrypto lib;
    private final MemoryAddress context;
    private final MemorySegment key;
    private final MemorySegment counter;
    private final MemorySegment zeros;
    private final MemorySegment out;
    private final ByteBuffer outWords;
    private final int[] words = new int[MAX_CHUNK / 4];
    private final MemorySegment wordsSegment = MemorySegment.ofArray(words);
    private final MemorySegment outLength;
    private final MemoryAddress cipher;
    private boolean cipherSet;
    /**
     * The target of the last {@link #apply} and a segment over it, kept so a mask wraps its array once (and
     * held until the next mask comes).
     */
    private int[] lastTarget;

    private MemorySegment lastTargetSegment;

    private static final boolean VECTOR = SimdSupport.enabled();

    /** A bulk copy lays little-endian words right only on a little-endian machine. */
    private static final boolean COPY_WORDS = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    LibcryptoCtrKeyStream(Libcrypto lib) {
        this.lib = lib;
        ResourceScope scope = ResourceScope.newImplicitScope();
        key = MemorySegment.allocateNative(16, 16, scope);
        counter = MemorySegment.allocateNative(16, 16, scope);
        zeros = MemorySegment.allocateNative(MAX_CHUNK, 64, scope);
        out = MemorySegment.allocateNative(MAX_CHUNK, 64, scope);
        outLength = MemorySegment.allocateNative(4, 4, scope);
        outWords = out.asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
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

    @Override
    public void apply(int[] target, int offset, int n, int mode) {
        encrypt(AesCtrKeyStream.checkWords(n));
        if (!COPY_WORDS) {
            scalar(target, offset, n, mode);
        } else if (mode == 0) {
            segmentOf(target).asSlice(4L * offset, 4L * n).copyFrom(out.asSlice(0, 4L * n));
        } else {
            wordsSegment.asSlice(0, 4L * n).copyFrom(out.asSlice(0, 4L * n));
            if (VECTOR) {
                SimdMaskAdd.apply(words, target, offset, n, mode);
            } else if (mode > 0) {
                for (int i = 0; i < n; i++) {
                    target[offset + i] += words[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    target[offset + i] -= words[i];
                }
            }
        }
    }

    private MemorySegment segmentOf(int[] target) {
        if (target != lastTarget) {
            lastTarget = target;
            lastTargetSegment = MemorySegment.ofArray(target);
        }
        return lastTargetSegment;
    }

    /** The word-by-word form of {@link #apply}, for a big-endian machine. */
    private void scalar(int[] target, int offset, int n, int mode) {
        for (int i = 0; i < n; i++) {
            int word = outWords.getInt(4 * i);
            target[offset + i] = mode > 0 ? target[offset + i] + word : mode < 0 ? target[offset + i] - word : word;
        }
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
