package io.edgeloop.streams;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;

import java.util.EnumMap;
import java.util.Map;

/**
 * Counts what happened to each candle a task saw, as Kafka Streams metrics (JMX and
 * {@code KafkaStreams#metrics()}): group {@value #GROUP}, {@code <outcome>-total} and
 * {@code <outcome>-rate}, tagged with the task. The health endpoint sums them.
 */
public final class IngestCounters implements AutoCloseable {

    /** Metric group of the counters. */
    public static final String GROUP = "stream-edgeloop-metrics";
    static final String SCOPE = "edgeloop";

    /** What happened to a candle. */
    enum Outcome {
        /** Processed by the model. */
        ACCEPTED("accepted"),
        /** A redelivery of the last accepted bar (same open time and values): dropped silently. */
        DUPLICATE("duplicate"),
        /** Same open time as the last accepted bar, other values: dead-lettered. */
        REVISION("revision"),
        /** Older than the last accepted bar: dead-lettered. */
        LATE("late"),
        /** Ignored by the model (an intraday bar outside the regular session). */
        IGNORED("ignored"),
        /** An interval the model cannot run on (W, M): skipped. */
        UNSUPPORTED("unsupported-interval");

        private final String metric;

        Outcome(String metric) {
            this.metric = metric;
        }

        /** The metric's operation name. */
        String metric() {
            return metric;
        }
    }

    private final StreamsMetrics metrics;
    private final Map<Outcome, Sensor> sensors = new EnumMap<>(Outcome.class);

    IngestCounters(StreamsMetrics metrics, String taskId) {
        this.metrics = metrics;
        for (Outcome outcome : Outcome.values()) {
            sensors.put(outcome, metrics.addRateTotalSensor(SCOPE, "candles-" + taskId, outcome.metric(),
                    Sensor.RecordingLevel.INFO));
        }
    }

    void count(Outcome outcome) {
        sensors.get(outcome).record();
    }

    @Override
    public void close() {
        sensors.values().forEach(metrics::removeSensor);
        sensors.clear();
    }
}
