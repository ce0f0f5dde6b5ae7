package io.edgeloop.core.library;

import java.util.List;

/**
 * Everything a {@link Keeper} knows, to persist and {@link Keeper#restore restore} it: every
 * library version from 1 (in order) and every change record (in order of arrival).
 *
 * @param history library versions 1..n
 * @param changes change records, decided and pending
 * @param <P> the pattern value type
 */
public record KeeperState<P>(List<PatternLibrary<P>> history, List<ChangeRecord<P>> changes) {

    public KeeperState {
        history = List.copyOf(history);
        changes = List.copyOf(changes);
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).version() != i + 1) {
                throw new IllegalArgumentException("library history must hold versions 1.." + history.size()
                        + " in order; position " + i + " holds version " + history.get(i).version());
            }
        }
    }
}
