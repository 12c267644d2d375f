package io.scangate.driver.aspect;

import io.scangate.driver.testkit.RecordingDeviceContext;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.scangate.driver.testkit.RecordingDeviceContext.DecodeError;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MBAP framer, the response decoder and the request encoder on an EmbeddedChannel. */
class ModbusCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    private final EmbeddedChannel loop = new EmbeddedChannel();
    private final RecordingDeviceContext device = new RecordingDeviceContext(DriverHarness.DEVICE, loop.eventLoop());
    private final EmbeddedChannel channel = new EmbeddedChannel(
            new MbapFrameDecoder(device, AspectModbusConfig.DEFAULT_MAX_MBAP_LENGTH),
            new ModbusResponseDecoder(), new ReadRequestEncoder());

    @Test
    void aReadRequestIsTheTwelveBytesOfTheModbusSpecification() {
        channel.writeOutbound(new ReadHoldingRegisters(0x1234, 7, 100, 21));

        ByteBuf written = channel.readOutbound();
        assertThat(ByteBufUtil.hexDump(written)).isEqualTo("123400000006" + "07" + "03" + "0064" + "0015");
        written.release();
    }

    @Test
    void aRegistersAnswerFedOneByteAtATimeDecodesOnce() {
        byte[] frame = HEX.parseHex("0001000000070103040102fffe");

        for (byte b : frame) {
            channel.writeInbound(Unpooled.wrappedBuffer(new byte[] {b}));
        }

        List<ModbusResponse> responses = responses();
        assertThat(responses).singleElement().isInstanceOfSatisfying(ModbusResponse.Registers.class, r -> {
            assertThat(r.transactionId()).isEqualTo(1);
            assertThat(r.unitId()).isEqualTo(1);
            assertThat(r.values()).containsExactly(0x0102, 0xFFFE);
        });
        assertThat(device.frames()).isEqualTo(1);
        assertThat(device.decodeErrors()).isEmpty();
    }

    @Test
    void twoFramesInOneSegmentGiveTwoAnswers() {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.concat(
                Frames.registers(5, 1, new int[] {1}), Frames.exception(6, 1, 2))));

        assertThat(responses()).hasSize(2).last().isInstanceOfSatisfying(ModbusResponse.Exception.class, e -> {
            assertThat(e.transactionId()).isEqualTo(6);
            assertThat(e.function()).isEqualTo(3);
            assertThat(e.code()).isEqualTo(2);
            assertThat(e.describe()).isEqualTo("function 0x03 exception 0x02 (illegal data address)");
        });
    }

    @Test
    void aByteCountThatDisagreesWithTheFrameIsMalformedButKeepsTheConnection() {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.frame(9, 1, HEX.parseHex("0304000100"))));

        assertThat(responses()).singleElement().isInstanceOfSatisfying(ModbusResponse.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(ModbusResponseDecoder.BAD_BYTE_COUNT));
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void anUnexpectedFunctionIsMalformed() {
        channel.writeInbound(Unpooled.wrappedBuffer(Frames.frame(9, 1, HEX.parseHex("0400"))));

        assertThat(responses()).singleElement().isInstanceOfSatisfying(ModbusResponse.Malformed.class,
                m -> assertThat(m.reason()).isEqualTo(ModbusResponseDecoder.UNEXPECTED_FUNCTION));
    }

    @Test
    void aProtocolIdOtherThanZeroClosesTheConnection() {
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("000100010005010302abcd")));

        assertThat(responses()).isEmpty();
        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_protocol_id");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aLengthAboveTheLimitClosesTheConnectionBeforeTheBodyArrives() {
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("000100000105")));

        assertThat(device.decodeErrors()).singleElement().satisfies(error -> {
            assertThat(error.reason()).isEqualTo("bad_length");
            assertThat(error.detail()).contains("MBAP length 261, expected 2..260");
        });
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theLengthLimitIsConfigurable() {
        EmbeddedChannel strict = new EmbeddedChannel(new MbapFrameDecoder(device, 45), new ModbusResponseDecoder());

        strict.writeInbound(Unpooled.wrappedBuffer(Frames.registers(1, 1, new int[22])));

        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_length");
        assertThat(strict.isOpen()).isFalse();
    }

    @Test
    void aLengthTooShortForAFunctionCodeClosesTheConnection() {
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("00010000000101")));

        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("bad_length");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aFrameCutByTheEndOfTheConnectionIsReported() {
        channel.writeInbound(Unpooled.wrappedBuffer(HEX.parseHex("00010000000701030401")));

        channel.finish();

        assertThat(device.decodeErrors()).extracting(DecodeError::reason).containsExactly("truncated_frame");
    }

    @Test
    void wordOrdersReadTheSameBitsFromOppositeRegisters() {
        int[] registers = {0x5678, 0x1234};

        assertThat(WordOrder.LOW_WORD_FIRST.bits(registers, 0)).isEqualTo(0x12345678);
        assertThat(WordOrder.HIGH_WORD_FIRST.bits(registers, 0)).isEqualTo(0x56781234);
    }

    private List<ModbusResponse> responses() {
        List<ModbusResponse> out = new ArrayList<>();
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
            out.add((ModbusResponse) msg);
        }
        return out;
    }
}
