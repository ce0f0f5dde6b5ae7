package io.edgeloop.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The configuration of one edgeloop app, from four layers with one precedence:
 * <b>defaults &lt; properties file &lt; environment &lt; flags</b>.
 *
 * <ul>
 *   <li>App options are declared {@link Option}s. In a file or a flag they are written by name
 *       ({@code horizon.days=5}); in the environment as {@code APP_HORIZON_DAYS=5}.</li>
 *   <li>Kafka client properties are written {@code kafka.bootstrap.servers=...} in a file or a
 *       flag, and {@code KAFKA_BOOTSTRAP_SERVERS=...} in the environment (upper case, dots as
 *       underscores, as in the Apache Kafka and Strimzi images).</li>
 * </ul>
 * An unknown app option in any layer is an error (a typo must not silently fall back to a
 * default), and so is a key that is set twice within one layer with different values (e.g. a
 * flag given twice). Kafka keys are passed through; the app checks them against its clients'
 * known configs because core knows no Kafka.
 */
public final class AppConfig {

    /** Prefix of Kafka properties in files and flags. */
    public static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, Option<?>> options;
    private final Map<String, String> values;
    private final Map<String, String> kafka;

    private AppConfig(Map<String, Option<?>> options, Map<String, String> values, Map<String, String> kafka) {
        this.options = options;
        this.values = values;
        this.kafka = kafka;
    }

    /**
     * Resolves every layer.
     *
     * @param declared the app's options
     * @param file     the properties file's entries (empty when none)
     * @param env      the process environment (only {@code APP_*} and {@code KAFKA_*} are read)
     * @param flags    {@code key=value} pairs from the command line, in order
     */
    public static AppConfig resolve(Collection<Option<?>> declared, Properties file,
                                    Map<String, String> env, List<String> flags) {
        Map<String, Option<?>> options = new LinkedHashMap<>();
        Map<String, Option<?>> byEnv = new LinkedHashMap<>();
        for (Option<?> option : declared) {
            if (options.put(option.name(), option) != null) {
                throw new IllegalArgumentException("option declared twice: " + option.name());
            }
            byEnv.put(option.envName(), option);
        }
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new TreeMap<>();
        Map<String, String> kafka = new TreeMap<>();
        for (Option<?> option : declared) {
            values.put(option.name(), option.defaultValue());
        }

        Map<String, String> fileLayer = new TreeMap<>();
        for (String key : file.stringPropertyNames()) {
            fileLayer.put(key, file.getProperty(key));
        }
        apply("file", fileLayer, options, values, kafka, problems);

        Map<String, String> envLayer = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            String key = e.getKey();
            if (key.startsWith("KAFKA_")) {
                envLayer.put(KAFKA_PREFIX + key.substring(6).toLowerCase(Locale.ROOT).replace('_', '.'), e.getValue());
            } else if (key.startsWith("APP_")) {
                Option<?> option = byEnv.get(key);
                if (option == null) {
                    problems.add("unknown environment variable " + key + " (known: " + String.join(", ", byEnv.keySet()) + ")");
                } else {
                    envLayer.put(option.name(), e.getValue());
                }
            }
        }
        apply("environment", envLayer, options, values, kafka, problems);

        Map<String, String> flagLayer = new LinkedHashMap<>();
        for (String flag : flags) {
            int eq = flag.indexOf('=');
            if (eq <= 0) {
                problems.add("flag '" + flag + "' is not key=value");
                continue;
            }
            String key = flag.substring(0, eq).trim();
            String value = flag.substring(eq + 1);
            String previous = flagLayer.put(key, value);
            if (previous != null && !previous.equals(value)) {
                problems.add("conflicting flags for " + key + ": '" + previous + "' and '" + value + "'");
            }
        }
        apply("flag", flagLayer, options, values, kafka, problems);

        for (Option<?> option : declared) {
            try {
                option.parser().apply(values.get(option.name()));
            } catch (IllegalArgumentException e) {
                problems.add(option.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new AppConfig(options, Collections.unmodifiableMap(values), Collections.unmodifiableMap(kafka));
    }

    private static void apply(String layer, Map<String, String> entries, Map<String, Option<?>> options,
                              Map<String, String> values, Map<String, String> kafka, List<String> problems) {
        for (Map.Entry<String, String> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(KAFKA_PREFIX) && key.length() > KAFKA_PREFIX.length()) {
                kafka.put(key.substring(KAFKA_PREFIX.length()), e.getValue());
            } else if (options.containsKey(key)) {
                values.put(key, e.getValue());
            } else {
                problems.add("unknown option '" + key + "' in " + layer + " (known: "
                        + String.join(", ", options.keySet()) + ", or kafka.*)");
            }
        }
    }

    /** The value of a declared option. */
    public <T> T get(Option<T> option) {
        if (options.get(option.name()) != option) {
            throw new IllegalArgumentException("option not declared by this app: " + option.name());
        }
        return option.parser().apply(values.get(option.name()));
    }

    /** Kafka client properties, without the {@code kafka.} prefix. */
    public Map<String, String> kafka() {
        return kafka;
    }

    /** Kafka client properties as {@link Properties}, for client constructors. */
    public Properties kafkaProperties() {
        Properties p = new Properties();
        p.putAll(kafka);
        return p;
    }

    /** Every option's resolved value as text, for a startup log line. */
    public Map<String, String> describe() {
        return values;
    }
}
