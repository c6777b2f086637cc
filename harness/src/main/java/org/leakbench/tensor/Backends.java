package org.leakbench.tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses a {@link Backend} by name among the {@link BackendProvider}s on the class path (the pure-Java
 * {@code java}, formerly {@code ejml}, and {@code nd4j}). Each backend is created on first use and then shared:
 * creating the ND4J one starts native code, and the pure-Java one reads its thread setting then, so a bad
 * setting is reported where the backend is asked for.
 */
public final class Backends {
    /** What a point runs on unless told otherwise: the fastest for this project's latency-bound models. */
    public static final String DEFAULT = "java";

    private static final Map<String, BackendProvider> PROVIDERS = providers();
    /** The canonical name of every name and alias a user may give. */
    private static final Map<String, String> CANONICAL = canonical(PROVIDERS);
    /** Backend names a user may give, the default first; aliases are accepted too ({@link #ACCEPTED}). */
    public static final List<String> NAMES = List.copyOf(PROVIDERS.keySet());
    /** Every name {@link #get} accepts: {@link #NAMES} and the older aliases. */
    public static final List<String> ACCEPTED = List.copyOf(CANONICAL.keySet());

    private static final Map<String, Backend> CREATED = new ConcurrentHashMap<>();

    private Backends() {}

    /** The backend called {@code name} or one of its aliases (case and spaces ignored), else an error. */
    public static Backend get(String name) {
        String canonical = canonicalName(name);
        Backend b = CREATED.get(canonical);
        if (b == null) {
            synchronized (Backends.class) { // never two instances, and a failed start is not cached
                b = CREATED.computeIfAbsent(canonical, n -> PROVIDERS.get(n).create());
            }
        }
        return b;
    }

    /** The default backend ({@link #DEFAULT}). */
    public static Backend defaultBackend() {
        return get(DEFAULT);
    }

    /** True when {@link #get} takes this name or alias. */
    public static boolean isKnown(String name) {
        return name != null && CANONICAL.containsKey(normalise(name));
    }

    /** The backend's own name for a name or alias ("ejml" gives "java"), or an error listing the choices. */
    public static String canonicalName(String name) {
        String n = name == null ? null : CANONICAL.get(normalise(name));
        if (n == null) {
            throw new IllegalArgumentException("unknown backend '" + name + "'; choose one of " + NAMES + aliasNote());
        }
        return n;
    }

    private static String aliasNote() {
        List<String> aliases = new ArrayList<>(ACCEPTED);
        aliases.removeAll(NAMES);
        return aliases.isEmpty() ? "" : " (also accepted: " + String.join(", ", aliases) + ")";
    }

    private static String normalise(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, BackendProvider> providers() {
        Map<String, BackendProvider> byName = new LinkedHashMap<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader())) {
            BackendProvider before = byName.putIfAbsent(p.name(), p);
            if (before != null) {
                throw new IllegalStateException("two backends are called '" + p.name() + "': "
                        + before.getClass().getName() + " and " + p.getClass().getName());
            }
        }
        if (!byName.containsKey(DEFAULT)) {
            throw new IllegalStateException("no backend called '" + DEFAULT + "' on the class path (missing "
                    + "META-INF/services/" + BackendProvider.class.getName() + ")");
        }
        Map<String, BackendProvider> ordered = new LinkedHashMap<>();
        ordered.put(DEFAULT, byName.remove(DEFAULT));
        ordered.putAll(byName);
        return ordered;
    }

    private static Map<String, String> canonical(Map<String, BackendProvider> providers) {
        Map<String, String> names = new LinkedHashMap<>();
        providers.keySet().forEach(n -> names.put(n, n));
        for (BackendProvider p : providers.values()) {
            for (String alias : p.aliases()) {
                String before = names.putIfAbsent(alias, p.name());
                if (before != null && !before.equals(p.name())) {
                    throw new IllegalStateException(
                            "backend alias '" + alias + "' names both " + before + " and " + p.name());
                }
            }
        }
        return names;
    }
}
