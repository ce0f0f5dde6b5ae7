package io.edgeloop.core.retro;

import io.edgeloop.core.mining.Trail;

import java.util.Optional;

/**
 * Where the retrospective gets a ticker's daily score trail: recomputed from candles by the
 * scoring engine ({@code TrailBuilder}) when it runs on files, or read from the {@code scores}
 * topic when it runs as a service. Both give the same snapshots.
 */
@FunctionalInterface
public interface TrailSource {

    /** A source without trails: the study and retrospective then work on moves alone. */
    TrailSource NONE = ticker -> Optional.empty();

    /** The ticker's trail, empty when there is none. */
    Optional<Trail> trail(String ticker);
}
