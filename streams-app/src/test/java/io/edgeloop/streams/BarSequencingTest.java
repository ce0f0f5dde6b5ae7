package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sequencing rule: a redelivered bar is dropped silently, a revision or a late bar is
 * dead-lettered; each is counted and none reaches the model's state.
 */
class BarSequencingTest {

    private final List<Candle> spy = MarketData.history("SPY_60", "2025-03-03T00:00:00Z", "2025-03-06T00:00:00Z");
    private Harness harness;

    @BeforeEach
    void start() {
        harness = new Harness(ScriptedModels.cycle());
        harness.pipe(spy.subList(0, 10));
        harness.scores.readRecordsToList();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void shouldDropRedeliveredBarWithoutTouchingState() {
        byte[] before = harness.tickerStates().get("SPY|1h");

        harness.pipe(spy.get(9));

        assertThat(harness.tickerStates().get("SPY|1h")).isEqualTo(before);
        assertThat(harness.scores.isEmpty()).isTrue();
        assertThat(harness.dlq.isEmpty()).isTrue();
        assertThat(harness.counter("duplicate")).isEqualTo(1.0);
        assertThat(harness.counter("accepted")).isEqualTo(10.0);
    }

    @Test
    void shouldDeadLetterRevisionOfAcceptedBar() {
        byte[] before = harness.tickerStates().get("SPY|1h");
        Candle last = spy.get(9);
        Candle revised = new Candle(last.ticker(), last.interval(), last.openTime(), last.open(), last.high(),
                last.low(), last.close() - 0.01, last.volume() + 100, last.source());

        harness.pipe(revised);

        assertThat(reasons()).singleElement().asString().contains("revision of an already accepted bar");
        assertThat(harness.tickerStates().get("SPY|1h")).isEqualTo(before);
        assertThat(harness.counter("revision")).isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterLateBarAndGoOnWithTheNext() {
        harness.pipe(spy.get(3));
        harness.pipe(spy.get(10));

        assertThat(reasons()).singleElement().asString()
                .contains("late bar: older than the last accepted bar")
                .contains("last accepted 2025-03-04T16:30:00Z");
        assertThat(harness.counter("late")).isEqualTo(1.0);
        assertThat(harness.scores.readRecordsToList()).extracting(r -> r.value().getBarTime().toEpochMilli())
                .containsExactly(spy.get(10).openTime());
    }

    private List<String> reasons() {
        return harness.dlq.readRecordsToList().stream().map(TestRecord::value).map(DeadLetter::getReason).toList();
    }
}
