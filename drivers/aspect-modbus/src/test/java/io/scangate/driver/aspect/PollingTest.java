package io.scangate.driver.aspect;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import io.scangate.proto.v1.DeviceSetup;
import io.scangate.proto.v1.Envelope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The request side: locating the monitor block, poll pacing, transaction matching, timeouts, exceptions. */
class PollingTest {

    private final DriverHarness harness = new DriverHarness();

    @Test
    void theHeaderLocatesTheMonitorBlockWhichIsThenPolledEveryFiveSecondsWhileIdle() {
        harness.connect();

        Frames.Request header = harness.answer();
        Frames.Request monitor = harness.answer();

        assertThat(header).extracting(Frames.Request::protocolId, Frames.Request::length, Frames.Request::unitId,
                Frames.Request::function, Frames.Request::address, Frames.Request::quantity)
                .containsExactly(0, 6, 1, 3, 0, 8);
        assertThat(monitor.address()).isEqualTo(100);
        assertThat(monitor.quantity()).isEqualTo(21);
        assertThat(monitor.transactionId()).isNotEqualTo(header.transactionId());
        DeviceSetup setup = harness.device().emitted().get(0).getDeviceSetup();
        assertThat(setup.getSourceTag()).isEqualTo("header");
        assertThat(setup.getValuesMap()).containsEntry("signature", "0x4153").containsEntry("monitorBase", "100")
                .containsEntry("monitorRegisters", "21");

        harness.advance(Duration.ofMillis(4999));
        assertThat(harness.request()).isNull();
        harness.advance(Duration.ofMillis(1));
        assertThat(harness.request()).isNotNull();
    }

    @Test
    void aConfiguredBaseSkipsTheHeader() {
        DriverHarness configured = new DriverHarness(new AspectModbusConfig(7, null, null, null, null, 100, null,
                null, null, null, null, null));
        configured.image.objectCount = 3;

        configured.connect();

        Frames.Request first = configured.request();
        assertThat(first.address()).isEqualTo(100);
        assertThat(first.unitId()).isEqualTo(7);
    }

    @Test
    void aTimeoutIsReportedAndRetriedAtOnceAndTheLateAnswerIsReportedAsUnexpected() {
        harness.connectAndLocate().advance(Duration.ofSeconds(5));
        Frames.Request lost = harness.request();

        harness.advance(Duration.ofSeconds(1));

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason).containsExactly("timeout");
        Frames.Request retry = harness.request();
        assertThat(retry.address()).isEqualTo(lost.address());
        assertThat(retry.transactionId()).isNotEqualTo(lost.transactionId());

        harness.feed(Frames.registers(lost.transactionId(), 1, new int[21]));
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly("timeout", "unexpected_transaction");

        harness.feed(Frames.registers(retry.transactionId(), 1, harness.image.monitorBlock()));
        assertThat(harness.device().decodeErrors()).hasSize(2);
        harness.advance(Duration.ofSeconds(5));
        assertThat(harness.request()).isNotNull();
    }

    @Test
    void consecutiveTimeoutsCloseTheConnectionSoThatTheHostReconnects() {
        harness.connectAndLocate().advance(Duration.ofSeconds(5));

        harness.advance(Duration.ofSeconds(1)).advance(Duration.ofSeconds(1));
        assertThat(harness.connectionOpen()).isTrue();
        harness.advance(Duration.ofSeconds(1));

        assertThat(harness.connectionOpen()).isFalse();
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly("timeout", "timeout", "timeout");
    }

    @Test
    void noTimeoutIsCountedWhileTheHostHasPausedReading() {
        harness.connectAndLocate().advance(Duration.ofSeconds(5));
        Frames.Request waiting = harness.request();
        harness.pauseReading(true);

        harness.advance(Duration.ofSeconds(10));

        assertThat(harness.device().decodeErrors()).isEmpty();
        assertThat(harness.connectionOpen()).isTrue();
        assertThat(harness.request()).isNull();
        harness.pauseReading(false);
        harness.feed(Frames.registers(waiting.transactionId(), 1, harness.image.monitorBlock()));
        assertThat(harness.device().decodeErrors()).isEmpty();
        harness.advance(Duration.ofSeconds(5));
        assertThat(harness.request()).isNotNull();
    }

    @Test
    void anExceptionResponseIsReportedAndThePollRepeatsAfterThePause() {
        harness.connectAndLocate().advance(Duration.ofSeconds(5));
        Frames.Request request = harness.request();

        harness.feed(Frames.exception(request.transactionId(), 1, 6));

        assertThat(harness.device().decodeErrors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo("modbus_exception");
            assertThat(error.detail()).contains("exception 0x06 (server device busy)");
        });
        harness.advance(Duration.ofSeconds(5));
        assertThat(harness.request().address()).isEqualTo(100);
    }

    @Test
    void anAnswerFromAnotherUnitIsReportedAndIgnored() {
        harness.connectAndLocate().advance(Duration.ofSeconds(5));
        Frames.Request request = harness.request();

        harness.feed(Frames.registers(request.transactionId(), 9, harness.image.monitorBlock()));

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason).containsExactly("wrong_unit");
        harness.advance(Duration.ofSeconds(1));
        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly("wrong_unit", "timeout");
    }

    @Test
    void aHeaderThatLocatesNoBlockIsReportedAndReadAgainLater() {
        harness.connect();
        Frames.Request header = harness.request();
        int[] bad = {0x4153, 8, 1, 100, 12, 0, 0, 0};

        harness.feed(Frames.registers(header.transactionId(), 1, bad));

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_header");
        assertThat(harness.request()).isNull();
        harness.advance(Duration.ofSeconds(5));
        assertThat(harness.request().address()).isZero();
    }

    @Test
    void aWrongRegisterCountIsReported() {
        harness.connect();
        Frames.Request header = harness.request();

        harness.feed(Frames.registers(header.transactionId(), 1, new int[] {1, 2}));

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason)
                .containsExactly("wrong_register_count");
    }

    @Test
    void aMalformedAnswerFailsItsTransactionAtOnceAndThePollRepeatsAfterThePause() {
        harness.connectAndLocate().advance(Duration.ofSeconds(5));
        Frames.Request request = harness.request();

        harness.feed(Frames.frame(request.transactionId(), 1, new byte[] {3, 4, 0, 1}));

        assertThat(harness.device().decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_byte_count");
        harness.advance(Duration.ofSeconds(1));
        assertThat(harness.device().decodeErrors()).hasSize(1);
        harness.advance(Duration.ofSeconds(4));
        assertThat(harness.request()).isNotNull();
    }

    @Test
    void highWordFirstDevicesAreReadWithTheConfiguredWordOrder() {
        DriverHarness swapped = new DriverHarness(new AspectModbusConfig(null, null, null, null, null, 100, null,
                WordOrder.HIGH_WORD_FIRST, null, null, null, null));
        swapped.connect();
        Frames.Request first = swapped.request();
        int[] block = swapped.image.monitorBlock();
        swapWords(block, 0, 4, 6, 8, 11, 13, 15);
        swapped.feed(Frames.registers(first.transactionId(), 1, block));
        swapped.image.run(5000, 1000, 2);
        block = swapped.image.monitorBlock();
        swapWords(block, 0, 4, 6, 8, 11, 13, 15);
        swapped.advance(Duration.ofSeconds(5));

        swapped.feed(Frames.registers(swapped.request().transactionId(), 1, block));

        assertThat(swapped.device().measurements()).extracting(m -> m.getCounts(0)).containsExactly(5000, 10);
        assertThat(swapped.device().measurements().get(0).getRealTime().getSeconds()).isEqualTo(5);
    }

    private static void swapWords(int[] registers, int... firstWords) {
        for (int at : firstWords) {
            int low = registers[at];
            registers[at] = registers[at + 1];
            registers[at + 1] = low;
        }
    }

    @Test
    void aBrokenStreamClosesTheConnectionAndTheNextConnectionStartsOver() {
        harness.connectAndLocate();

        harness.feed(new byte[] {0, 1, 0x7F, 0, 0, 5, 1});

        assertThat(harness.connectionOpen()).isFalse();
        harness.disconnect().connect();
        assertThat(harness.request().address()).isZero();
        assertThat(harness.device().emitted()).filteredOn(Envelope::hasDeviceSetup).hasSize(1);
    }
}
