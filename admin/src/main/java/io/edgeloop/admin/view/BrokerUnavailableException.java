package io.edgeloop.admin.view;

/** The Kafka cluster did not answer within the configured timeout (or a topic the admin reads is missing). */
public final class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BrokerUnavailableException(String message) {
        super(message);
    }
}
