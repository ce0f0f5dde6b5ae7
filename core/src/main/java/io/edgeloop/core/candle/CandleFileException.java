package io.edgeloop.core.candle;

import java.io.IOException;

/** A candle file that cannot be read as a whole: malformed, or without a ticker or interval. */
public final class CandleFileException extends IOException {

    private static final long serialVersionUID = 1L;

    public CandleFileException(String message) {
        super(message);
    }

    public CandleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
