package io.scangate.driver.ocr;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.scangate.proto.v1.ContainerCode;
import io.scangate.proto.v1.ConveyanceId;
import io.scangate.proto.v1.Envelope;
import io.scangate.proto.v1.OcrImage;
import io.scangate.proto.v1.RawRecord;

/** An {@link OcrRead} as the normalised contract says it: every container code checked against ISO 6346. */
final class ConveyanceMapper {

    static final String RAW_TAG = "ocr-read";

    private ConveyanceMapper() {
    }

    static Envelope.Builder message(OcrRead read, String sourceDevice) {
        ConveyanceId.Builder body = ConveyanceId.newBuilder()
                .setReadId(read.readId())
                .setLane(read.lane())
                .setRailCar(read.railCar())
                .setSourceDevice(sourceDevice);
        for (OcrRead.Container container : read.containers()) {
            Iso6346.Verdict verdict = Iso6346.check(container.code());
            body.addContainers(ContainerCode.newBuilder()
                    .setCode(container.code())
                    .setNormalised(verdict.normalised())
                    .setCheck(verdict.result())
                    .setCheckDetail(verdict.detail())
                    .setSuggestedCorrection(verdict.suggestion())
                    .setConfidence(container.confidence())
                    .setPosition(container.position()));
        }
        if (read.plate() != null) {
            body.setLicencePlate(read.plate().text())
                    .setLicencePlateConfidence(read.plate().confidence())
                    .setLicencePlateCountry(read.plate().country());
        }
        for (OcrRead.Image image : read.images()) {
            body.addImages(OcrImage.newBuilder().setUrl(image.url()).setKind(image.kind()));
        }
        return Envelope.newBuilder()
                .setDeviceTime(Timestamp.newBuilder().setSeconds(read.time().getEpochSecond()).setNanos(read.time().getNano()))
                .setConveyanceId(body);
    }

    /** What could not be read, kept whole for the back-ends, so that a refused read is not lost from view. */
    static Envelope.Builder raw(byte[] payload, String reason) {
        return Envelope.newBuilder().setRawRecord(RawRecord.newBuilder()
                .setTag(RAW_TAG).setPayload(ByteString.copyFrom(payload)).setReason(reason));
    }
}
