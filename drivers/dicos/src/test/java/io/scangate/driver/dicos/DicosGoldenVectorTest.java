package io.scangate.driver.dicos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.util.JsonFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.scangate.driver.BlobRef;
import io.scangate.driver.testkit.CanonicalJson;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared golden vectors (src/test/resources/golden, README there) decoded by the driver: an
 * A-ASSOCIATE-RQ, DIMSE command sets, and datasets whose {@code XrayScan} must equal the expected canonical
 * JSON. The simulator's encoder is checked against the same bytes on its side.
 */
class DicosGoldenVectorTest {

    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String IMAGE = "dx-small.explicit";

    @Test
    void theAssociateRequestIsReadAndNegotiated() throws Exception {
        AssociateRequest request = associateRequest();
        Negotiation negotiation = new Negotiator(DicosConfig.defaults()).negotiate(request);

        Map<String, Object> actual = new LinkedHashMap<>();
        actual.put("protocolVersion", request.protocolVersion());
        actual.put("calledAeTitle", request.calledAeTitle());
        actual.put("callingAeTitle", request.callingAeTitle());
        actual.put("applicationContext", request.applicationContext());
        actual.put("maxPduBytes", request.maxPduBytes());
        actual.put("implementationClassUid", request.implementationClassUid());
        actual.put("implementationVersionName", request.implementationVersionName());
        actual.put("contexts", request.contexts());
        actual.put("negotiated", ((Negotiation.Accept) negotiation).contexts());

        assertThat(canonical(JSON.valueToTree(actual).toString())).isEqualTo(expected("associate-rq"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"c-store-rq", "c-echo-rq"})
    void commandSetsAreRead(String name) throws Exception {
        Command command = Command.parse(Unpooled.wrappedBuffer(Files.readAllBytes(GOLDEN.resolve(name + ".bin"))));

        assertThat(canonical(JSON.valueToTree(command).toString())).isEqualTo(expected(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {IMAGE, "tdr-alarm.explicit", "tdr-alarm.implicit", "tdr-clear-operator.implicit",
            "tdr-alarm.dcmtk-defined-length.explicit", "tdr-alarm.dcmtk-defined-length.implicit"})
    void datasetsBecomeTheExpectedScan(String name) throws Exception {
        Association association = new Association();
        AssociateRequest request = associateRequest();
        association.established(request, (Negotiation.Accept) new Negotiator(DicosConfig.defaults()).negotiate(request));
        if (!name.equals(IMAGE)) {
            association.stored(golden(IMAGE).string(Tags.SOP_INSTANCE_UID), sha256(GOLDEN.resolve(IMAGE + ".bin")));
        }

        for (int piece : List.of(1, 7, 64, 1 << 20)) {
            assertThat(canonical(scanJson(name, association, piece))).as(name + " fed in pieces of " + piece)
                    .isEqualTo(expected(name));
        }
    }

    private static String scanJson(String name, Association association, int piece) throws Exception {
        Path file = GOLDEN.resolve(name + ".bin");
        DatasetAttributes dataset = scan(file, piece);
        String transferSyntax = name.endsWith(".implicit") ? Uids.IMPLICIT_VR_LITTLE_ENDIAN : Uids.EXPLICIT_VR_LITTLE_ENDIAN;
        PresentationContext context = new PresentationContext(3, dataset.string(Tags.SOP_CLASS_UID), transferSyntax);
        BlobRef blob = new BlobRef(sha256(file), Files.size(file), XrayScans.MEDIA_TYPE);
        Envelope.Builder envelope = XrayScans.message(dataset, blob, 0, context, association, ZoneOffset.UTC,
                new EnergyMatcher(EnergyConfig.defaults()).match(dataset).channel());
        return JsonFormat.printer().print(envelope);
    }

    private static DatasetAttributes golden(String name) throws Exception {
        return scan(GOLDEN.resolve(name + ".bin"), 1 << 20);
    }

    private static DatasetAttributes scan(Path file, int piece) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        DatasetScanner scanner = new DatasetScanner(!file.getFileName().toString().endsWith(".implicit.bin"));
        for (int from = 0; from < bytes.length; from += piece) {
            ByteBuf fragment = Unpooled.wrappedBuffer(bytes, from, Math.min(piece, bytes.length - from));
            scanner.feed(fragment);
        }
        return scanner.finish();
    }

    private static AssociateRequest associateRequest() throws Exception {
        byte[] pdu = Files.readAllBytes(GOLDEN.resolve("associate-rq.bin"));
        assertThat(pdu[0]).as("PDU type").isEqualTo((byte) Pdu.ASSOCIATE_RQ);
        return AssociateRequest.parse(Unpooled.wrappedBuffer(pdu, 6, pdu.length - 6));
    }

    private static String expected(String name) throws IOException {
        return canonical(Files.readString(GOLDEN.resolve(name + ".expected.json")));
    }

    private static String canonical(String json) throws IOException {
        return CanonicalJson.of(JSON.readTree(json));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
