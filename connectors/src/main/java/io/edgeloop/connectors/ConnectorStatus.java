package io.edgeloop.connectors;

import java.util.List;

/**
 * A connector's state as the worker reports it.
 *
 * @param name       connector name
 * @param state      {@code RUNNING}, {@code PAUSED}, {@code STOPPED}, {@code FAILED}, {@code UNASSIGNED},
 *                   or {@code UNKNOWN} when the worker has no such connector
 * @param taskStates each task's state, by task id
 * @param trace      the first failure trace, or null
 */
public record ConnectorStatus(String name, String state, List<String> taskStates, String trace) {

    public ConnectorStatus {
        taskStates = List.copyOf(taskStates);
    }

    /** The connector and at least one task run, and no task is in another state. */
    public boolean running() {
        return "RUNNING".equals(state) && !taskStates.isEmpty() && taskStates.stream().allMatch("RUNNING"::equals);
    }

    /** The connector or a task failed. */
    public boolean failed() {
        return "FAILED".equals(state) || taskStates.contains("FAILED");
    }
}
