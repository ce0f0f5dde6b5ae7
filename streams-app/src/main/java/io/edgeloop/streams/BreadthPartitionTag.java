package io.edgeloop.streams;

import io.edgeloop.schemas.avro.MarketSignal;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.nio.ByteBuffer;

/**
 * Tags a ticker signal on its way to the breadth aggregator with the {@code candles} partition
 * it came from (header {@value #HEADER}, a 4-byte int), so the aggregator can tell how far each
 * partition's event time has come. The tag lives on the internal repartition topic only.
 */
final class BreadthPartitionTag implements FixedKeyProcessor<String, MarketSignal, MarketSignal> {

    /** Header holding the source partition. */
    static final String HEADER = "edgeloop.source-partition";

    private FixedKeyProcessorContext<String, MarketSignal> context;

    @Override
    public void init(FixedKeyProcessorContext<String, MarketSignal> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, MarketSignal> record) {
        int partition = context.recordMetadata().map(m -> m.partition()).orElse(0);
        RecordHeaders headers = new RecordHeaders();
        headers.add(HEADER, ByteBuffer.allocate(Integer.BYTES).putInt(partition).array());
        context.forward(record.withHeaders(headers));
    }
}
