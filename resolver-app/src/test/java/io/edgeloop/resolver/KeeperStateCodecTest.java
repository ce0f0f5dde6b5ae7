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

    /**
     * Pattern statistics without a baseline keep the bytes written before baselines (format 1);
     * with one they are format 2, which also carries the baseline's n and hits.
     */
    @Test
    void shouldStorePatternStatisticsWithTheirAutoDegradeBaseline() {
        PatternTrack track = new PatternTrack(new PatternStats(12, 3, -4.5, 6.0, 10.0, -12.0, 5, 8.0, 7, -12.5),
                java.time.Instant.parse("2025-03-04T21:00:00Z"));
        byte[] before = track.toBytes();
        assertThat(before).hasSize(1 + 11 * 8);
        assertThat(before[0]).isEqualTo((byte) 1);
        assertThat(PatternTrack.fromBytes(before)).isEqualTo(track);
        assertThat(PatternTrack.fromBytes(before).judgedN()).isEqualTo(12);

        PatternTrack rebased = track.rebased();
        byte[] after = rebased.toBytes();
        assertThat(after).hasSize(1 + 13 * 8);
        assertThat(after[0]).isEqualTo((byte) 2);
        assertThat(java.util.Arrays.copyOfRange(after, 1, before.length))
                .isEqualTo(java.util.Arrays.copyOfRange(before, 1, before.length));
        PatternTrack back = PatternTrack.fromBytes(after);
        assertThat(back).isEqualTo(rebased);
        assertThat(back.baselineN()).isEqualTo(12);
        assertThat(back.baselineHits()).isEqualTo(3);
        assertThat(back.judgedN()).isZero();
        assertThatThrownBy(() -> PatternTrack.fromBytes(new byte[] {3, 0}))
                .hasMessage("unknown pattern statistics format 3");
    }

    @Test
    void shouldRefuseARecordOfAnotherFormat() {
        assertThatThrownBy(() -> KeeperStateCodec.change(new byte[] {9, 0, 0}))
                .hasMessage("unknown keeper state format 9");
    }
}
