package org.leakbench.defense.secagg;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;
import jdk.incubator.foreign.MemoryAccess;
import jdk.incubator.foreign.MemoryAddress;
import jdk.incubator.foreign.MemorySegment;
import jdk.incubator.foreign.ResourceScope;
import jdk.incubator.foreign.SymbolLookup;

/**
 * X25519 (RFC 7748) on the system's OpenSSL through the foreign-function interface: the EVP_PKEY interface with
 * raw 32-byte keys. OpenSSL's field arithmetic (64-bit limbs, ADX where the CPU has it) computes an agreement
 * about ten times faster than the JDK's {@code XDH} provider, which is what the server's unmasking spends most
 * of its time on. The library file is the one {@link Libcrypto} located and loaded; this class only looks up
 * the functions it needs. An {@link Agreement} keeps the own key and one derivation context for many peers.
 */
final class LibcryptoX25519 {
    /** OpenSSL's NID_X25519, the key type of {@code EVP_PKEY_new_raw_*_key}. */
    private static final int EVP_PKEY_X25519 = 1034;

    private final MethodHandle newRawPrivate;
    private final MethodHandle newRawPublic;
    private final MethodHandle pkeyFree;
    private final MethodHandle ctxNew;
    private final MethodHandle ctxFree;
    private final MethodHandle deriveInit;
    private final MethodHandle setPeer;
    /** Whether {@link #setPeer} is {@code EVP_PKEY_derive_set_peer_ex} (OpenSSL 3), which takes a validate flag. */
    private final boolean setPeerEx;

    private final MethodHandle derive;
    private final MethodHandle clearErrors;
    final String version;

    private static volatile Object loaded;

    private LibcryptoX25519(Libcrypto lib, SymbolLookup symbols) {
        CLinker c = CLinker.getInstance();
        MethodType rawKey = MethodType.methodType(
                MemoryAddress.class, int.class, MemoryAddress.class, MemoryAddress.class, long.class);
        FunctionDescriptor rawKeyC = FunctionDescriptor.of(
                CLinker.C_POINTER, CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_LONG);
        newRawPrivate = c.downcallHandle(symbol(symbols, "EVP_PKEY_new_raw_private_key"), rawKey, rawKeyC);
        newRawPublic = c.downcallHandle(symbol(symbols, "EVP_PKEY_new_raw_public_key"), rawKey, rawKeyC);
        MethodType onePointer = MethodType.methodType(void.class, MemoryAddress.class);
        FunctionDescriptor onePointerC = FunctionDescriptor.ofVoid(CLinker.C_POINTER);
        pkeyFree = c.downcallHandle(symbol(symbols, "EVP_PKEY_free"), onePointer, onePointerC);
        ctxFree = c.downcallHandle(symbol(symbols, "EVP_PKEY_CTX_free"), onePointer, onePointerC);
        ctxNew = c.downcallHandle(
                symbol(symbols, "EVP_PKEY_CTX_new"),
                MethodType.methodType(MemoryAddress.class, MemoryAddress.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
        deriveInit = c.downcallHandle(
                symbol(symbols, "EVP_PKEY_derive_init"),
                MethodType.methodType(int.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER));
        // OpenSSL 3's plain set_peer re-checks the peer key through a second, freshly made context; an X25519
        // public key needs no check (every 32 bytes are a u-coordinate), so the _ex form skips it where present.
        var ex = symbols.lookup("EVP_PKEY_derive_set_peer_ex");
        setPeerEx = ex.isPresent();
        setPeer = setPeerEx
                ? c.downcallHandle(
                        ex.get(),
                        MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, int.class),
                        FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_INT))
                : c.downcallHandle(
                        symbol(symbols, "EVP_PKEY_derive_set_peer"),
                        MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class),
                        FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER));
        derive = c.downcallHandle(
                symbol(symbols, "EVP_PKEY_derive"),
                MethodType.methodType(int.class, MemoryAddress.class, MemoryAddress.class, MemoryAddress.class),
                FunctionDescriptor.of(CLinker.C_INT, CLinker.C_POINTER, CLinker.C_POINTER, CLinker.C_POINTER));
        clearErrors = c.downcallHandle(
                symbol(symbols, "ERR_clear_error"), MethodType.methodType(void.class), FunctionDescriptor.ofVoid());
        version = lib.version;
    }

    private static MemoryAddress symbol(SymbolLookup symbols, String name) {
        return symbols.lookup(name).orElseThrow(() -> new IllegalStateException("libcrypto has no symbol " + name));
    }

    /** The bindings, or a String saying why they cannot be used. Tried once per JVM. */
    static Object load() {
        Object l = loaded;
        if (l == null) {
            Object lib = Libcrypto.load();
            if (lib instanceof Libcrypto crypto) {
                try {
                    l = new LibcryptoX25519(crypto, SymbolLookup.loaderLookup());
                } catch (IllegalStateException e) {
                    l = e.getMessage();
                }
            } else {
                l = lib;
            }
            loaded = l;
        }
        return l;
    }

    /** An agreement holding {@code scalar} (32 bytes, checked by the caller). */
    Agreement agreement(byte[] scalar) {
        return new Agreement(scalar);
    }

    /**
     * The own private key and a derivation context set up once, reused for each peer (setting a new peer
     * replaces the last). Not thread-safe. The native key and context are freed when this object is collected.
     */
    final class Agreement implements X25519.Agreement {
        private final MemoryAddress context;
        private final MemorySegment peer;
        private final MemorySegment secret;
        private final MemorySegment secretLength;

        private Agreement(byte[] scalar) {
            ResourceScope scope = ResourceScope.newImplicitScope();
            peer = MemorySegment.allocateNative(X25519.KEY_BYTES, 8, scope);
            secret = MemorySegment.allocateNative(X25519.KEY_BYTES, 8, scope);
            secretLength = MemorySegment.allocateNative(CLinker.C_LONG, scope);
            MemoryAddress key;
            try (ResourceScope local = ResourceScope.newConfinedScope()) {
                MemorySegment raw = MemorySegment.allocateNative(X25519.KEY_BYTES, 8, local);
                raw.copyFrom(MemorySegment.ofArray(scalar));
                key = (MemoryAddress) newRawPrivate.invokeExact(
                        EVP_PKEY_X25519, MemoryAddress.NULL, raw.address(), (long) X25519.KEY_BYTES);
                raw.fill((byte) 0); // OpenSSL holds its own copy; leave none of the secret behind here
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto: EVP_PKEY_new_raw_private_key failed", e);
            }
            if (key.equals(MemoryAddress.NULL)) {
                clear();
                throw new IllegalArgumentException("libcrypto rejected the X25519 private scalar");
            }
            MemoryAddress ctx;
            int ok;
            try {
                ctx = (MemoryAddress) ctxNew.invokeExact(key, MemoryAddress.NULL);
                ok = ctx.equals(MemoryAddress.NULL) ? 0 : (int) deriveInit.invokeExact(ctx);
                pkeyFree.invokeExact(key); // the context holds its own reference
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto: cannot set up an X25519 derivation", e);
            }
            if (ok != 1) {
                throw new IllegalStateException("libcrypto: EVP_PKEY_derive_init for X25519 returned " + ok);
            }
            context = ctx;
            Release.register(scope, ctxFree, ctx);
        }

        @Override
        public byte[] agree(byte[] peerPublic) {
            peer.copyFrom(MemorySegment.ofArray(peerPublic));
            MemoryAddress peerKey;
            try {
                peerKey = (MemoryAddress) newRawPublic.invokeExact(
                        EVP_PKEY_X25519, MemoryAddress.NULL, peer.address(), (long) X25519.KEY_BYTES);
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto: EVP_PKEY_new_raw_public_key failed", e);
            }
            if (peerKey.equals(MemoryAddress.NULL)) {
                clear();
                throw new IllegalArgumentException("libcrypto rejected the X25519 public key");
            }
            int ok;
            try {
                ok = setPeerEx
                        ? (int) setPeer.invokeExact(context, peerKey, 0)
                        : (int) setPeer.invokeExact(context, peerKey);
                if (ok == 1) {
                    MemoryAccess.setLong(secretLength, X25519.KEY_BYTES);
                    ok = (int) derive.invokeExact(context, secret.address(), secretLength.address());
                }
                pkeyFree.invokeExact(peerKey); // the context keeps a reference while it is the peer
            } catch (Throwable e) {
                throw new IllegalStateException("libcrypto: X25519 derivation failed", e);
            }
            if (ok != 1 || MemoryAccess.getLong(secretLength) != X25519.KEY_BYTES) {
                clear();
                // OpenSSL refuses an all-zero shared secret, which only a low-order peer key gives.
                throw new SecAggException("X25519 key agreement failed: the peer's public key is of low order");
            }
            byte[] out = secret.toByteArray();
            secret.fill((byte) 0);
            return out;
        }
    }

    /** Drops OpenSSL's error queue after a refused key, so failures do not pile up in the thread's queue. */
    private void clear() {
        try {
            clearErrors.invokeExact();
        } catch (Throwable e) {
            // nothing to clean up then
        }
    }

    /** Frees the context when the scope closes; a holder so the close action does not capture the agreement. */
    private static final class Release {
        private Release() {}

        static void register(ResourceScope scope, MethodHandle free, MemoryAddress context) {
            scope.addCloseAction(() -> {
                try {
                    free.invokeExact(context);
                } catch (Throwable e) {
                    // nothing to do at collection time: the context leaks
                }
            });
        }
    }
}
