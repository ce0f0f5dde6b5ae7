package io.edgeloop.stack.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.edgeloop.core.config.Option;

/**
 * The {@code APP_*} variables each app declares, read from its options class
 * ({@link DeployApp#optionsClass()}, a static {@code all()} returning {@code List<Option<?>>}) on
 * the test class path. An app whose options class is not there (not written yet) is absent: its
 * variables cannot be checked and are reported as such.
 *
 * @param declared per app, the environment names of its options; empty when the class is absent
 */
record AppOptions(Map<DeployApp, Optional<Set<String>>> declared) {

    /** The options of every app that has an options class, as found on the class path. */
    static AppOptions fromClassPath() {
        Map<DeployApp, Optional<Set<String>>> declared = new EnumMap<>(DeployApp.class);
        for (DeployApp app : DeployApp.values()) {
            app.optionsClass().ifPresent(name -> declared.put(app, load(name)));
        }
        return new AppOptions(declared);
    }

    /** Options given directly, for tests of the check itself. */
    static AppOptions of(Map<DeployApp, Optional<Set<String>>> declared) {
        Map<DeployApp, Optional<Set<String>>> copy = new EnumMap<>(DeployApp.class);
        copy.putAll(declared);
        return new AppOptions(copy);
    }

    /** The environment names the app declares; empty when its options class is absent. */
    Optional<Set<String>> of(DeployApp app) {
        return declared.getOrDefault(app, Optional.empty());
    }

    /** True when some app whose options class is present declares the variable. */
    boolean declaredByAnyPresentApp(String variable) {
        return declared.values().stream().flatMap(Optional::stream).anyMatch(set -> set.contains(variable));
    }

    /** The apps with an options class that is present. */
    List<DeployApp> present() {
        return declared.entrySet().stream().filter(e -> e.getValue().isPresent()).map(Map.Entry::getKey).toList();
    }

    /** The apps whose options class is absent. */
    List<DeployApp> absent() {
        return declared.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
    }

    private static Optional<Set<String>> load(String className) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        try {
            Method all = type.getMethod("all");
            if (!Modifier.isStatic(all.getModifiers())) {
                throw new IllegalStateException(className + ".all() must be static");
            }
            Object options = all.invoke(null);
            if (!(options instanceof Collection<?> list)) {
                throw new IllegalStateException(className + ".all() must return List<Option<?>>, got " + options);
            }
            Set<String> names = new TreeSet<>();
            for (Object o : list) {
                if (!(o instanceof Option<?> option)) {
                    throw new IllegalStateException(className + ".all() holds a non-Option: " + o);
                }
                names.add(option.envName());
            }
            return Optional.of(Set.copyOf(names));
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(className + " is present but has no public static all() listing its options",
                    e);
        }
    }
}
