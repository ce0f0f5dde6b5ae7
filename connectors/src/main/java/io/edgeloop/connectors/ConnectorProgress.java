package io.edgeloop.connectors;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * A source connector's progress summed over its tasks in this JVM ({@link SourceTaskProgressMBean}).
 *
 * @param tasks       tasks reporting
 * @param pending     items known and not yet handed to Connect
 * @param emitted     records handed to Connect
 * @param acked       records the broker acknowledged
 * @param deadLetters dead letters handed to Connect
 * @param caughtUp    every task reports caught up (and at least one task reports)
 */
public record ConnectorProgress(int tasks, long pending, long emitted, long acked, long deadLetters, boolean caughtUp) {

    private static final String[] ATTRIBUTES = {"Pending", "Emitted", "Acked", "DeadLetters", "CaughtUp"};

    /** Reads the progress beans of a connector's tasks. */
    static ConnectorProgress read(String connector) {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            Set<ObjectName> names = server.queryNames(new ObjectName(SourceTaskProgress.DOMAIN
                    + ":type=source-task-progress,connector=" + ObjectName.quote(connector) + ",*"), null);
            int tasks = 0;
            long pending = 0;
            long emitted = 0;
            long acked = 0;
            long dead = 0;
            boolean caughtUp = !names.isEmpty();
            for (ObjectName name : names) {
                AttributeList values;
                try {
                    values = server.getAttributes(name, ATTRIBUTES);
                } catch (InstanceNotFoundException stopped) {
                    continue;
                }
                tasks++;
                pending += (Long) ((Attribute) values.get(0)).getValue();
                emitted += (Long) ((Attribute) values.get(1)).getValue();
                acked += (Long) ((Attribute) values.get(2)).getValue();
                dead += (Long) ((Attribute) values.get(3)).getValue();
                caughtUp &= (Boolean) ((Attribute) values.get(4)).getValue();
            }
            caughtUp &= tasks > 0;
            return new ConnectorProgress(tasks, pending, emitted, acked, dead, caughtUp);
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the progress of connector " + connector, e);
        }
    }
}
