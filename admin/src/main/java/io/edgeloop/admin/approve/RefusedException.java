package io.edgeloop.admin.approve;

/**
 * A decision the admin refuses to send, with the reason; nothing was written.
 */
public final class RefusedException extends RuntimeException {

    /** Why a decision was refused. */
    public enum Reason {
        /** No change with that id in the changelog. */
        UNKNOWN_CHANGE,
        /** The change is no longer PROPOSED. */
        ALREADY_DECIDED,
        /** A decision for it was sent and the keeper has not applied it yet. */
        AWAITING_KEEPER,
        /** The reason text is missing or blank. */
        NO_REASON,
        /** The rollback target is not an earlier library version. */
        BAD_VERSION,
        /** The admin's view has not read the topics to their ends yet, so it cannot check the decision. */
        VIEW_BEHIND
    }

    private final Reason reason;

    public RefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
