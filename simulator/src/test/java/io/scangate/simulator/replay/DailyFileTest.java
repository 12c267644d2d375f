package io.scangate.simulator.replay;

import io.scangate.simulator.lane.Emission;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DailyFileTest {

    @Test
    void stripsTimestampsAndWrapsAtMidnight() {
        DailyFile file = DailyFile.parse(List.of(
                "# a comment",
                "GB,000383,000389,000432,000423,23-59-59.500",
                "",
                "NB,000001,000002,000000,000003,23-59-59.500",
                "GS,000080,000081,000082,000083,00-00-00.300\r",
                "NC,000001",
                "GX,000001,002500,000000,000000,00-00-00.100"));
        assertThat(file.lines()).extracting(DailyFile.Line::text).containsExactly(
                "GB,000383,000389,000432,000423", "NB,000001,000002,000000,000003",
                "GS,000080,000081,000082,000083", "NC,000001", "GX,000001,002500,000000,000000");
        long before = (23 * 3600 + 59 * 60 + 59) * 1000L + 500;
        long day = 24 * 3600 * 1000L;
        assertThat(file.lines()).extracting(DailyFile.Line::atMillis)
                .containsExactly(before, before, day + 300, day + 300, day + 300);
    }

    @Test
    void replayIsPacedByTheRecordedTimes() {
        DailyFile file = DailyFile.parse(List.of(
                "GB,000383,000389,000432,000423,23-59-55.000",
                "NB,000001,000002,000000,000003,23-59-55.000",
                "GB,000383,000389,000432,000423,00-00-00.000",
                "NB,000001,000002,000000,000003,00-00-00.000",
                "GB,000383,000389,000432,000423,00-00-05.000"));
        ReplaySource source = new ReplaySource(file, false);
        assertThat(drain(source, 0)).hasSize(2);
        assertThat(drain(source, 4_999)).isEmpty();
        assertThat(drain(source, 5_000)).hasSize(2);
        assertThat(source.exhausted()).isFalse();
        assertThat(drain(source, 10_000)).hasSize(1);
        assertThat(source.exhausted()).isTrue();
        assertThat(source.progress()).hasValue("lines 5/5 round 1 at 00:00:05");
    }

    @Test
    void loopStartsAgainAfterTheLastLine() {
        DailyFile file = DailyFile.parse(List.of(
                "GS,000080,000081,000082,000083,10-00-00.000",
                "GX,000007,002500,000000,000000,10-00-02.000"));
        ReplaySource source = new ReplaySource(file, true);
        List<Emission> twoRounds = drain(source, 2_000 + 1_000 + 2_000);
        assertThat(twoRounds).filteredOn(e -> e.kind() == Emission.Kind.LINE).hasSize(4);
        assertThat(twoRounds).filteredOn(e -> e.kind() == Emission.Kind.OCCUPANCY_START)
                .extracting(e -> e.occupancy().index()).containsExactly(1L, 2L);
        assertThat(source.exhausted()).isFalse();
    }

    @Test
    void occupanciesSeenInTheFile() {
        DailyFile file = DailyFile.parse(List.of(
                "GB,000383,000389,000432,000423,10-00-00.000",
                "GS,000080,000081,000082,000083,10-00-01.000",
                "GA,000380,000381,000382,000383,10-00-01.200",
                "GX,000007,002500,000000,000000,10-00-02.000",
                "GS,000080,000081,000082,000083,10-00-03.000",
                "GB,000383,000389,000432,000423,10-00-08.000",
                "NS,000001,000000,000000,000000,10-00-09.000"));
        ReplaySource source = new ReplaySource(file, false);
        assertThat(source.occupanciesPerPass()).isEqualTo(3);
        List<Emission> all = drain(source, Long.MAX_VALUE);
        assertThat(all).filteredOn(e -> e.kind() == Emission.Kind.OCCUPANCY_END)
                .extracting(e -> e.occupancy().deviceCounter()).containsExactly(7, null, null);
    }

    private static List<Emission> drain(ReplaySource source, long dueBy) {
        List<Emission> out = new ArrayList<>();
        for (Emission e = source.next(dueBy); e != null; e = source.next(dueBy)) {
            out.add(e);
        }
        return out;
    }
}
