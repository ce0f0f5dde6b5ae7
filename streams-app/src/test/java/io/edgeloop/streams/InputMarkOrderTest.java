package io.edgeloop.streams;

import io.edgeloop.core.candle.Candle;
import io.edgeloop.schemas.avro.DeadLetter;
import io.edgeloop.schemas.topics.Topics;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A candle input mark reaches breadth only after the candles it vouches for, whichever of the
 * task's two partitions Kafka Streams reads first (the app runs with {@code max.task.idle.ms}
 * -1, so nothing else keeps that order): the task holds it until its candles reach the offset in
 * the mark's header, keeps the held mark with its state, and passes a mark without the header on
 * at once. The test driver hands records over in the order they are piped, which is the order
 * that would break it.
 */
class InputMarkOrderTest {

    private static final long END = CandleInputMarks.END;

    private final List<Candle> spy = MarketData.history("SPY_60", "2025-03-03T00:00:00Z", "2025-03-05T00:00:00Z");
    private Harness harness;

    @BeforeEach
    void start() {
        harness = new Harness(ScriptedModels.cycle());
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void shouldRunWithoutWaitingForAnEmptyPartition() {
        assertThat(harness.settings.streams())
                .containsEntry(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
    }

    @Test
    void shouldHoldAMarkUntilTheCandlesItVouchesForAreTaken() {
        // read before the three candles (offsets 0 to 2) it vouches for
        harness.pipeMark("feeder", END, 3L);
        assertThat(harness.breadthProgress()).isNull();
        assertThat(stored().held()).extracting(HeldMarks.Mark::who).containsExactly("feeder");

        harness.pipe(spy.get(0));
        harness.pipe(spy.get(1));
        assertThat(harness.breadthProgress()).as("two of three candles taken").isNotEqualTo(END);
        harness.pipe(spy.get(2));

        assertThat(harness.breadthProgress()).isEqualTo(END);
        assertThat(stored().held()).isEmpty();
        assertThat(stored().next()).isEqualTo(3);
    }

    @Test
    void shouldPassOnAMarkAtOnceWhenItsCandlesAreTakenOrItVouchesForNone() {
        harness.pipe(spy.get(0));
        harness.pipe(spy.get(1));
        harness.pipeMark("feeder", END, 2L);
        assertThat(harness.breadthProgress()).isEqualTo(END);

        harness.pipe(spy.get(2));
        assertThat(harness.breadthProgress()).as("the next candle opens the partition again").isNotEqualTo(END);
        harness.pipeMark("older-tool", END, (Long) null);
        assertThat(harness.breadthProgress()).isEqualTo(END);
    }

    @Test
    void shouldKeepHeldMarksInTheirOrder() {
        long through = spy.get(0).openTime() + 3_600_000L;
        harness.pipeMark("first", through, 2L);
        harness.pipeMark("second", END, 1L);
        assertThat(stored().held()).extracting(HeldMarks.Mark::who).containsExactly("first", "second");

        harness.pipe(spy.get(0));
        assertThat(harness.breadthProgress()).as("the second waits behind the first").isNotEqualTo(END);
        harness.pipe(spy.get(1));
        assertThat(harness.breadthProgress()).isEqualTo(END);
        assertThat(stored().held()).isEmpty();
    }

    @Test
    void shouldCountADeadLetteredCandleAsTaken() {
        harness.pipeMark("feeder", END, 2L);
        harness.pipe(spy.get(0));
        io.edgeloop.schemas.avro.Candle broken = MarketData.avro(spy.get(1));
        broken.setHigh(broken.getLow() - 1);
        harness.pipe("SPY", broken);

        assertThat(harness.dlq.readValuesToList()).extracting(DeadLetter::getSourceTopic)
                .containsExactly(Topics.CANDLES.name());
        assertThat(harness.breadthProgress()).isEqualTo(END);
    }

    @Test
    void shouldDeadLetterAMarkWithABrokenOffsetHeader() {
        harness.pipeMark("feeder", END, new byte[] {1, 2, 3});
        List<DeadLetter> letters = harness.dlq.readValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.get(0).getSourceTopic()).isEqualTo(Topics.STREAMS_CONTROL.name());
        assertThat(letters.get(0).getReason()).contains(CandleInputMarks.CANDLES_OFFSET_HEADER, "3 bytes");
        assertThat(harness.breadthProgress()).isNull();
    }

    private HeldMarks stored() {
        HeldMarks marks = new HeldMarks();
        marks.read(harness.tickerStates().get(HeldMarks.KEY));
        return marks;
    }
}
