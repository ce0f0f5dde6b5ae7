package io.edgeloop.admin.approve;

import java.time.Instant;

/**
 * A decision written to the {@code approvals} topic.
 *
 * @param changeId             the change decided on (the record key)
 * @param action               APPROVE, REJECT or ROLLBACK
 * @param actor                who decided ({@code operator:<name>})
 * @param reason               why
 * @param decidedAt            when (wall clock: an operator trigger)
 * @param targetLibraryVersion the version a rollback restores, or null
 * @param partition            partition the record landed in
 * @param offset               its offset
 */
public record Receipt(String changeId, String action, String actor, String reason, Instant decidedAt,
                      Long targetLibraryVersion, int partition, long offset) {
}
