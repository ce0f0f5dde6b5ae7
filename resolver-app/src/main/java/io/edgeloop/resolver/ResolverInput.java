package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Candle;
import io.edgeloop.schemas.avro.Prediction;
import io.edgeloop.schemas.avro.Trade;

import java.util.Objects;

/**
 * One record for the outcome processor, whichever ticker-keyed topic it came from. The four
 * sources are merged into one stream so that one processor, in one task per partition, sees
 * predictions, candles, trades and operator requests in stream-time order.
 */
sealed interface ResolverInput {

    /** A prediction to resolve. */
    record NewPrediction(Prediction prediction) implements ResolverInput {
        public NewPrediction {
            Objects.requireNonNull(prediction, "prediction");
        }
    }

    /** A candle of any interval: daily bars count directly, intraday bars are aggregated to daily. */
    record NewCandle(Candle candle) implements ResolverInput {
        public NewCandle {
            Objects.requireNonNull(candle, "candle");
        }
    }

    /** A trade event, linked to a prediction or not. */
    record NewTrade(Trade trade) implements ResolverInput {
        public NewTrade {
            Objects.requireNonNull(trade, "trade");
        }
    }

    /**
     * The operator's "resolve due predictions now".
     *
     * @param requestedBy who asked (the control record's key)
     * @param asOf        the stream time to resolve at, epoch ms; 0 or less means this task's own
     *                    stream time
     */
    record ResolveDue(String requestedBy, long asOf) implements ResolverInput {
    }
}
