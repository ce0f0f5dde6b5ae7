package io.edgeloop.stack;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.edgeloop.schemas.topics.Topic;

/**
 * Renders the topic catalog for people as a text table; programs get the catalog's own JSON
 * rendering, {@link io.edgeloop.schemas.topics.TopicCatalogJson}.
 */
final class TopicCatalogView {

    private static final String CLEANUP_POLICY = "cleanup.policy";
    private static final String DEFAULT_CLEANUP = "delete";

    private TopicCatalogView() {
    }

    /** One topic as rendered; configs sorted by key. */
    record Row(String name, int partitions, String cleanup, Map<String, String> configs) {

        static Row of(Topic<?, ?> topic) {
            return new Row(topic.name(), topic.partitions(),
                    topic.configs().getOrDefault(CLEANUP_POLICY, DEFAULT_CLEANUP), new TreeMap<>(topic.configs()));
        }

        String otherConfigs() {
            String others = configs.entrySet().stream()
                    .filter(e -> !e.getKey().equals(CLEANUP_POLICY))
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
            return others.isEmpty() ? "-" : others;
        }
    }

    /** Aligned columns TOPIC, PARTITIONS, CLEANUP, CONFIGS (configs other than the cleanup policy). */
    static String table(List<? extends Topic<?, ?>> topics) {
        List<Row> rows = topics.stream().map(Row::of).toList();
        int nameWidth = Math.max("TOPIC".length(), rows.stream().mapToInt(r -> r.name().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %10s  %-14s  %s%n";
        StringBuilder out = new StringBuilder(String.format(format, "TOPIC", "PARTITIONS", "CLEANUP", "CONFIGS"));
        for (Row row : rows) {
            out.append(String.format(format, row.name(), row.partitions(), row.cleanup(), row.otherConfigs()));
        }
        return out.toString();
    }

}
