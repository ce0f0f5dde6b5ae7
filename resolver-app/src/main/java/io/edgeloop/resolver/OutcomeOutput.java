package io.edgeloop.resolver;

import io.edgeloop.schemas.avro.Outcome;

import java.util.Objects;

/** One record an outcome task writes: an outcome for {@code outcomes}, or a record for the keeper's learning topic. */
sealed interface OutcomeOutput {

    /** An outcome, RESOLVED or EXPIRED, for the {@code outcomes} topic. */
    record Published(Outcome outcome) implements OutcomeOutput {
        public Published {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** A RESOLVED outcome to learn from, or a progress mark, for the keeper. */
    record Learning(LearningRecord record) implements OutcomeOutput {
        public Learning {
            Objects.requireNonNull(record, "record");
        }
    }
}
