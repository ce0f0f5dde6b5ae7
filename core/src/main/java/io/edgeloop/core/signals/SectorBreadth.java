package io.edgeloop.core.signals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Sector breadth: holds each ticker's latest label and sector and keeps per-sector counts up
 * to date on every update (O(1), no allocation once a ticker and its sector are known). A
 * sector is BULLISH when more than 60% of its tickers are bullish, BEARISH when more than 60%
 * are bearish, else MIXED; NEUTRAL tickers count in the denominator. A ticker that changes
 * sector moves its vote. Not thread-safe; one instance per stream task.
 */
public final class SectorBreadth {

    private final SignalConfig config;
    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, int[]> counts = new HashMap<>();

    public SectorBreadth(SignalConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * Records a ticker's latest label in its sector.
     *
     * @return true when a sector's counts changed (a new ticker, a new label or a new sector)
     */
    public boolean update(String ticker, String sector, SignalLabel label) {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(label, "label");
        Member member = members.get(ticker);
        if (member == null) {
            members.put(ticker, new Member(sector, label));
            countsOf(sector)[label.ordinal()]++;
            return true;
        }
        if (member.sector.equals(sector) && member.label == label) {
            return false;
        }
        leave(member);
        member.sector = sector;
        member.label = label;
        countsOf(sector)[label.ordinal()]++;
        return true;
    }

    /** Forgets a ticker (delisted, left the universe). @return true when it was known */
    public boolean remove(String ticker) {
        Member member = members.remove(ticker);
        if (member == null) {
            return false;
        }
        leave(member);
        return true;
    }

    /** The sector of a ticker, when known. */
    public Optional<String> sectorOf(String ticker) {
        Member member = members.get(ticker);
        return member == null ? Optional.empty() : Optional.of(member.sector);
    }

    /** A sector's breadth, empty when it has no ticker. */
    public Optional<SectorSignal> signal(String sector) {
        int[] c = counts.get(sector);
        return c == null ? Optional.empty() : Optional.of(build(sector, c));
    }

    /** Every sector with at least one ticker, by sector name. */
    public List<SectorSignal> signals() {
        List<SectorSignal> out = new ArrayList<>(counts.size());
        new TreeMap<>(counts).forEach((sector, c) -> out.add(build(sector, c)));
        return out;
    }

    private SectorSignal build(String sector, int[] c) {
        int bullish = c[SignalLabel.BULLISH.ordinal()];
        int bearish = c[SignalLabel.BEARISH.ordinal()];
        int neutral = c[SignalLabel.NEUTRAL.ordinal()];
        int total = bullish + bearish + neutral;
        double bullishPct = bullish * 100.0 / total;
        double bearishPct = bearish * 100.0 / total;
        SectorLabel label = bullishPct > config.sectorMajorityPct() ? SectorLabel.BULLISH
                : bearishPct > config.sectorMajorityPct() ? SectorLabel.BEARISH : SectorLabel.MIXED;
        return new SectorSignal(sector, total, bullish, bearish, neutral, bullishPct, bearishPct, label);
    }

    private int[] countsOf(String sector) {
        return counts.computeIfAbsent(sector, s -> new int[SignalLabel.values().length]);
    }

    private void leave(Member member) {
        int[] c = counts.get(member.sector);
        c[member.label.ordinal()]--;
        if (c[0] + c[1] + c[2] == 0) {
            counts.remove(member.sector);
        }
    }

    private static final class Member {
        private String sector;
        private SignalLabel label;

        private Member(String sector, SignalLabel label) {
            this.sector = sector;
            this.label = label;
        }
    }
}
