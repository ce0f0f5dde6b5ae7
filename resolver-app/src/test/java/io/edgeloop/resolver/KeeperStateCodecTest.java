package io.edgeloop.resolver;

import io.edgeloop.core.library.Change;
import io.edgeloop.core.library.ChangeRecord;
import io.edgeloop.core.library.Keeper;
import io.edgeloop.core.library.PatternLibrary;
import io.edgeloop.core.library.PatternStatus;
import io.edgeloop.core.rules.Direction;
import io.edgeloop.core.rules.PatternDefinition;
import io.edgeloop.core.rules.PatternOrigin;
import io.edgeloop.core.rules.Rule;
import io.edgeloop.core.rules.SeedPatterns;
import io.edgeloop.core.stats.PatternStats;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeeperStateCodecTest {

    @Test
    void shouldRestoreEveryLibraryVersionAndChangeRecordExactly() {
        Keeper<PatternDefinition> keeper = new Keeper<>(KeeperProcessor.VALIDATOR);
        Map<String, PatternDefinition> seeds = new TreeMap<>();
        SeedPatterns.all().forEach(p -> seeds.put(p.id(), ChangeMapping.payload(p)));
        keeper.seed("seed", seeds, "test");
        keeper.propose(Change.degrade("c1", "bull_state_dominance", "retrospective", "evidence"));
        keeper.approve("c1", "alice", "agreed");
        PatternDefinition added = ChangeMapping.payload(new PatternDefinition("new_one", "New", "a new pattern",
                Direction.UP, io.edgeloop.core.rules.PatternStatus.CANDIDATE, 1, PatternOrigin.OPERATOR,
                Rule.all(Rule.eq("state", "HTF_BULL_LTF_BULL"), Rule.gte("htf_score", 25)), PatternStats.EMPTY,
                Optional.empty()));
        keeper.propose(Change.addPattern("c2", "new_one", added, PatternStatus.CANDIDATE, "operator:bob", "try it"));
        keeper.approve("c2", "alice", "ok");
        PatternDefinition invalid = ChangeMapping.payload(new PatternDefinition("bad_one", "Bad", "", Direction.UP,
                io.edgeloop.core.rules.PatternStatus.CANDIDATE, 1, PatternOrigin.OPERATOR, Rule.gte("htf_score", 55),
                PatternStats.EMPTY, Optional.empty()));
        keeper.propose(Change.addPattern("c3", "bad_one", invalid, PatternStatus.CANDIDATE, "operator:bob", "x"));
        keeper.rollback("c4", 1, "carol", "back to the seeds");
        keeper.propose(Change.retire("c5", "htf_collapse", "retrospective", "pending"));

        for (PatternLibrary<PatternDefinition> version : keeper.history()) {
            assertThat(KeeperStateCodec.library(KeeperStateCodec.library(version))).isEqualTo(version);
        }
        long seq = 0;
        for (ChangeRecord<PatternDefinition> record : keeper.changelog()) {
            KeeperStateCodec.Sequenced back = KeeperStateCodec.change(KeeperStateCodec.change(seq, record));
            assertThat(back.seq()).isEqualTo(seq++);
            assertThat(back.record()).isEqualTo(record);
        }
        assertThat(keeper.changelog()).hasSize(6);
    }

    @Test
    void shouldRefuseARecordOfAnotherFormat() {
        assertThatThrownBy(() -> KeeperStateCodec.change(new byte[] {9, 0, 0}))
                .hasMessage("unknown keeper state format 9");
    }
}
