package io.scangate.simulator.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.scangate.simulator.scenario.ScenarioSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The slave over real TCP, read by a plain client: the register layout of DESIGN 4.2, exception answers,
 * and occupancies read off the registers against the ground truth. The monitors' clock is the test's.
 */
class AspectModbusSlaveTest {

    private static final int BASE = 100;
    private static final ScenarioSettings BUSY = ScenarioSettings.defaults().withArrivalsPerHour(600)
            .withAlarmProbabilities(0.4, 0.2);

    private final EventLoopGroup group = new NioEventLoopGroup(1);
    private final AtomicLong clock = new AtomicLong();
    private AspectModbusSlave slave;

    @AfterEach
    void shutDown() {
        if (slave != null) {
            slave.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private AspectModbusSlave start(AspectModbusSlave.Options options) {
        slave = new AspectModbusSlave(options, group, clock::get);
        return slave;
    }

    @Test
    void theHeaderLocatesATwentyOneRegisterMonitorBlockAtOneHundred() throws Exception {
        start(AspectModbusSlave.Options.defaults().withUnits(Set.of(1, 32)));
        try (RegisterClient client = new RegisterClient(slave.port())) {
            for (int unit : new int[] {1, 32}) {
                assertThat(client.read(unit, 0, 8)).containsExactly(0x4153, 8, 1, BASE, 21, 0, 0, 0);
                int[] block = client.read(unit, BASE, 21);
                assertThat(block[3] & 0x80).as("gamma Ready").isEqualTo(0x80);
                assertThat(block[10] & 0x80).as("neutron Ready").isEqualTo(0x80);
                assertThat(block[2] & 0x000F).as("lane empty at start").isZero();
                assertThat(block[20]).as("entry and exit green").isEqualTo(0x300);
            }
        }
    }

    @Test
    void wrongRequestsGetTheExceptionADeviceWouldSend() throws Exception {
        start(AspectModbusSlave.Options.defaults());
        try (RegisterClient client = new RegisterClient(slave.port())) {
            assertThat(client.request(1, 0x03, BASE, 22)).extracting(RegisterClient.Answer::function,
                    RegisterClient.Answer::exceptionCode).containsExactly(0x83, 0x02);
            assertThat(client.request(1, 0x04, 0, 8).exceptionCode()).isEqualTo(0x01);
            assertThat(client.request(1, 0x03, 0, 0).exceptionCode()).isEqualTo(0x03);
            assertThat(client.request(7, 0x03, 0, 8).exceptionCode()).isEqualTo(0x0B);
            assertThat(client.read(1, 0, 8)).hasSize(8);
        }
    }

    @Test
    void aBrokenRequestHeaderClosesTheConnection() throws Exception {
        start(AspectModbusSlave.Options.defaults());
        try (RegisterClient client = new RegisterClient(slave.port())) {
            client.writeRaw(new byte[] {0, 1, 0, 9, 0, 6, 1, 3, 0, 0, 0, 8});

            assertThat(client.closedByServer()).isTrue();
        }
    }

    @Test
    void occupanciesReadOffTheRegistersMatchTheGroundTruth() throws Exception {
        start(AspectModbusSlave.Options.defaults().withScenario(BUSY, 7, 25));
        List<Observed> observed = new ArrayList<>();
        long previousElapsed = -1;
        long previousGamma = -1;
        Observed open = null;
        try (RegisterClient client = new RegisterClient(slave.port())) {
            while (slave.unit(1).groundTruth().size() < 25) {
                clock.addAndGet(100);
                int[] block = client.read(1, BASE, 21);
                long elapsed = uint32(block, 0);
                long gamma = uint32(block, 4);
                assertThat(elapsed).isEqualTo(clock.get());
                assertThat(elapsed).isGreaterThan(previousElapsed);
                assertThat(gamma).isGreaterThanOrEqualTo(previousGamma);
                previousElapsed = elapsed;
                previousGamma = gamma;
                boolean occupied = (block[2] & 0x000F) != 0;
                if (occupied && open == null) {
                    open = new Observed(block[17]);
                    assertThat(block[2] & 0xC0).as("one direction bit").isIn(0x40, 0x80);
                }
                if (open != null) {
                    open.gammaAlarm |= (block[3] & 0x3) != 0;
                    open.neutronAlarm |= (block[10] & 0x3) != 0;
                    open.outputAlarm |= (block[20] & 0x1) != 0;
                }
                if (!occupied && open != null) {
                    observed.add(open);
                    open = null;
                }
            }
        }
        List<AspectOccupancyTruth> truth = slave.groundTruth();
        assertThat(observed).extracting(o -> o.counter).containsExactlyElementsOf(
                truth.stream().map(AspectOccupancyTruth::objectCount).toList());
        assertThat(observed).extracting(o -> o.gammaAlarm).containsExactlyElementsOf(
                truth.stream().map(AspectOccupancyTruth::gammaAlarm).toList());
        assertThat(observed).extracting(o -> o.neutronAlarm).containsExactlyElementsOf(
                truth.stream().map(AspectOccupancyTruth::neutronAlarm).toList());
        assertThat(observed).allSatisfy(o -> assertThat(o.outputAlarm).isEqualTo(o.gammaAlarm || o.neutronAlarm));
        assertThat(truth).extracting(AspectOccupancyTruth::objectCount).startsWith(1, 2, 3);
        assertThat(truth).anySatisfy(t -> assertThat(t.gammaAlarm()).isTrue())
                .anySatisfy(t -> assertThat(t.gammaAlarm()).isFalse());
    }

    @Test
    void grossCountsAreDepressedWhileAVehicleIsInThePortal() {
        AspectScenario lane = new AspectScenario(1, ScenarioSettings.defaults().withArrivalsPerHour(600)
                .withAlarmProbabilities(0, 0), 3, 0);
        long occupiedCounts = 0;
        long occupiedMillis = 0;
        long idleCounts = 0;
        long idleMillis = 0;
        MonitorValues before = lane.at(0);
        for (long t = 100; t <= 3_600_000; t += 100) {
            MonitorValues now = lane.at(t);
            long counts = now.gamma().count() - before.gamma().count();
            if ((before.inputs() & 0xF) != 0) {
                occupiedCounts += counts;
                occupiedMillis += 100;
            } else {
                idleCounts += counts;
                idleMillis += 100;
            }
            before = now;
        }
        double ratio = (occupiedCounts / (double) occupiedMillis) / (idleCounts / (double) idleMillis);

        assertThat(occupiedMillis).isPositive();
        assertThat(ratio).isBetween(0.60, 0.75);
        assertThat(lane.groundTruth()).hasSizeBetween(200, 400);
    }

    @Test
    void theSameSeedGivesTheSameLane() {
        AspectScenario one = new AspectScenario(1, BUSY, 11, 0);
        AspectScenario two = new AspectScenario(1, BUSY, 11, 0);

        assertThat(one.at(600_000)).isEqualTo(two.at(600_000));
        assertThat(one.groundTruth()).isEqualTo(two.groundTruth()).isNotEmpty();
    }

    @Test
    void aCounterResetAndFaultBitsShowOnTheRegisters() throws Exception {
        start(AspectModbusSlave.Options.defaults().withScenario(BUSY, 5, 0));
        AspectScenario unit = slave.unit(1);
        unit.resetObjectCounter();
        unit.faultInputs(MonitorValues.OPEN | MonitorValues.POWER_FAIL | MonitorValues.OCCUP0);
        unit.gammaFaults(MonitorValues.ChannelValues.LOW_COUNT);
        try (RegisterClient client = new RegisterClient(slave.port())) {
            int[] block = client.read(1, BASE, 21);
            assertThat(block[2]).isEqualTo(0x500);
            assertThat(block[3]).isEqualTo(0x90);
            while (unit.groundTruth().isEmpty()) {
                clock.addAndGet(1000);
                client.read(1, BASE, 21);
            }
        }
        assertThat(unit.groundTruth().get(0)).extracting(AspectOccupancyTruth::objectCount,
                AspectOccupancyTruth::counterReset).containsExactly(1, true);
    }

    @Test
    void injectedFaultsHitTheNextRequest() throws Exception {
        start(AspectModbusSlave.Options.defaults());
        try (RegisterClient client = new RegisterClient(slave.port())) {
            slave.inject(SlaveFault.BUSY);
            assertThat(client.request(1, 0x03, BASE, 21).exceptionCode()).isEqualTo(0x06);

            slave.inject(SlaveFault.SILENT);
            client.send(1, 0x03, BASE, 21);
            assertThat(client.read(1, 0, 8)).as("answer to the second request only").hasSize(8);

            slave.inject(SlaveFault.BAD_HEADER);
            client.send(1, 0x03, 0, 8);
            assertThat(client.readHeaderBytes()).startsWith(0, 4, 0x12, 0x34);
        }
        try (RegisterClient client = new RegisterClient(slave.port())) {
            slave.inject(SlaveFault.DROP_MID_FRAME);
            client.send(1, 0x03, BASE, 21);
            assertThat(client.bytesUntilEnd()).as("half of the 51-byte answer, then the end").isEqualTo(25);
        }
    }

    @Test
    void optionsRejectUnitIdsOutsideTheSpec() {
        assertThatThrownBy(() -> AspectModbusSlave.Options.defaults().withUnits(Set.of(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..32");
        assertThatThrownBy(() -> AspectModbusSlave.Options.defaults().withUnits(Set.of(33)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long uint32(int[] block, int at) {
        return (block[at] & 0xFFFFL) | ((block[at + 1] & 0xFFFFL) << 16);
    }

    private static final class Observed {
        final int counter;
        boolean gammaAlarm;
        boolean neutronAlarm;
        boolean outputAlarm;

        Observed(int counter) {
            this.counter = counter;
        }
    }
}
