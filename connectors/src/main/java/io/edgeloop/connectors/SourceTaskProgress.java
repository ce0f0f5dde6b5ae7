package io.edgeloop.connectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The progress counters of one source task, exposed over JMX (see
 * {@link SourceTaskProgressMBean}). Updated by the task's poll thread and the producer's
 * acknowledgement callbacks, so every counter is atomic.
 */
public final class SourceTaskProgress implements SourceTaskProgressMBean {

    /** JMX domain of the progress beans. */
    public static final String DOMAIN = "io.edgeloop.connectors";
    private static final Logger LOG = LoggerFactory.getLogger(SourceTaskProgress.class);

    private final AtomicLong scans = new AtomicLong();
    private final AtomicLong emitted = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private volatile long pending;
    private volatile ObjectName registered;

    /** The name of a task's bean. */
    static ObjectName name(String connector, int task) throws JMException {
        return new ObjectName(DOMAIN + ":type=source-task-progress,connector=" + ObjectName.quote(connector)
                + ",task=" + task);
    }

    /** Registers the bean (replacing a stale one of the same task); failures are logged, not fatal. */
    void register(String connector, int task) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = name(connector, task);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
            registered = name;
        } catch (JMException e) {
            LOG.warn("cannot register the progress bean of {} task {}", connector, task, e);
        }
    }

    void unregister() {
        ObjectName name = registered;
        registered = null;
        if (name == null) {
            return;
        }
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
        } catch (JMException e) {
            LOG.debug("progress bean {} was already gone", name, e);
        }
    }

    void scanned(long pendingNow) {
        pending = pendingNow;
        scans.incrementAndGet();
    }

    void emitted(long records, long deadLettersAmong, long pendingNow) {
        emitted.addAndGet(records);
        deadLetters.addAndGet(deadLettersAmong);
        pending = pendingNow;
    }

    void acked() {
        acked.incrementAndGet();
    }

    @Override
    public long getScans() {
        return scans.get();
    }

    @Override
    public long getPending() {
        return pending;
    }

    @Override
    public long getEmitted() {
        return emitted.get();
    }

    @Override
    public long getAcked() {
        return acked.get();
    }

    @Override
    public long getDeadLetters() {
        return deadLetters.get();
    }

    @Override
    public boolean isCaughtUp() {
        return scans.get() > 0 && pending == 0 && acked.get() >= emitted.get();
    }
}
