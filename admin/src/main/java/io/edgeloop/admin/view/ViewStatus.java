package io.edgeloop.admin.view;

import java.time.Instant;

/**
 * How fresh the admin's view is, for the dashboard's live indicator.
 *
 * @param bootstrap     the cluster read
 * @param caughtUp      the view has read every topic up to the end it saw at startup
 * @param current       the view holds every topic up to the end it saw when it last started
 *                      reading and is not stale (false again while it reads them anew after a
 *                      lost connection, and while the cluster does not answer); decisions are
 *                      refused and the page disables its decide buttons while it is false
 * @param stale         no successful contact with the cluster for longer than the stale limit
 * @param lastContactAt last time the cluster answered, or null before the first answer
 * @param lagRecords    records not yet read (as of the last contact)
 * @param updates       a counter that grows with every change of the view
 * @param lastRecordAt  largest record timestamp seen, or null before any record
 * @param problem       why the view is not reading right now, or null
 * @param skippedRecords records the view skips because they did not decode: as many as the
 *                       fullest read of the topics from their start skipped (a topic's first is logged)
 */
public record ViewStatus(String bootstrap, boolean caughtUp, boolean current, boolean stale, Instant lastContactAt,
                         long lagRecords, long updates, Instant lastRecordAt, String problem, long skippedRecords) {
}
