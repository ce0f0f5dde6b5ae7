package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.ApprovalDecision;
import io.edgeloop.schemas.avro.ModelChange;

import java.util.Objects;

/** One record for the keeper: a changelog record, an operator decision, or a learning record (outcome or progress mark). */
sealed interface KeeperInput {

    /** A record of {@code model-changelog}; only PROPOSED records that the keeper did not write are acted on. */
    record Proposal(ModelChange change) implements KeeperInput {
        public Proposal {
            Objects.requireNonNull(change, "change");
        }
    }

    /** An operator's decision from {@code approvals}. */
    record Approval(ApprovalDecision decision) implements KeeperInput {
        public Approval {
            Objects.requireNonNull(decision, "decision");
        }
    }

    /** A RESOLVED outcome for the fast loop, or an outcome task's progress mark. */
    record Learning(LearningRecord record) implements KeeperInput {
        public Learning {
            Objects.requireNonNull(record, "record");
        }
    }
}
