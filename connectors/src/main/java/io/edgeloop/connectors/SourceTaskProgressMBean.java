package io.edgeloop.connectors;

/**
 * JMX view of one source task's progress, registered as
 * {@code io.edgeloop.connectors:type=source-task-progress,connector="<name>",task=<index>}.
 * {@link ConnectWorker#progress} sums it over a connector's tasks.
 */
public interface SourceTaskProgressMBean {

    /** Scans of the input completed. */
    long getScans();

    /** Input items known and not yet handed to Connect (bars or reference entries). */
    long getPending();

    /** Records handed to Connect (data and dead letters). */
    long getEmitted();

    /** Records the broker acknowledged. */
    long getAcked();

    /** Dead letters handed to Connect. */
    long getDeadLetters();

    /** True after a scan, with nothing pending and every emitted record acknowledged. */
    boolean isCaughtUp();
}
