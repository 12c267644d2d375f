package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.scangate.driver.BlobStoreFullException;
import io.scangate.driver.BlobWriter;
import io.scangate.driver.DeviceContext;
import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One C-STORE on its way in. The dataset's fragments go straight into a blob (after a Part-10 header, see
 * {@link FileMeta}) and through a {@link DatasetScanner} as they arrive. The first problem (no room, an
 * unreadable dataset) stops the writing and decides the status; later fragments are only counted. At the
 * last fragment {@link #finish()} commits the blob, emits the scan durably and yields the status to send:
 * success only once both are durable.
 *
 * <p>Datasets that fail are not kept: the scanner was told so and keeps its image, and a blob no message
 * refers to could never be published.
 */
final class StoreOperation {

    /** The status to answer and, for failures, why (logged, and sent as the Error Comment). */
    record Outcome(int status, String comment) {
        static final Outcome SUCCESS = new Outcome(Status.SUCCESS, null);
    }

    static final String DATASET_UNREADABLE = "dataset_unreadable";
    static final String TDR_TRUNCATED = "tdr_truncated";
    static final String ENERGY_AMBIGUOUS = "energy_ambiguous";

    private static final Logger log = LoggerFactory.getLogger(StoreOperation.class);

    private final DeviceContext device;
    private final Association association;
    private final PresentationContext context;
    private final Command command;
    private final ZoneId zone;
    private final EnergyMatcher energy;
    private final DatasetScanner scanner;
    private BlobWriter writer;
    private long fileMetaBytes;
    private long datasetBytes;
    private Outcome failure;

    StoreOperation(DeviceContext device, Association association, PresentationContext context, Command command,
            ZoneId zone, EnergyMatcher energy, ByteBufAllocator alloc) {
        this.device = device;
        this.association = association;
        this.context = context;
        this.command = command;
        this.zone = zone;
        this.energy = energy;
        this.scanner = new DatasetScanner(context.explicitVr());
        if (!context.abstractSyntax().equals(command.affectedSopClassUid())) {
            fail(Status.SOP_CLASS_NOT_SUPPORTED, "SOP class " + command.affectedSopClassUid()
                    + " sent on the presentation context of " + context.abstractSyntax());
            return;
        }
        ByteBuf meta = FileMeta.encode(alloc, command.affectedSopClassUid(), command.affectedSopInstanceUid(),
                context.transferSyntax());
        try {
            writer = device.blobs().create(XrayScans.MEDIA_TYPE, -1);
            fileMetaBytes = meta.readableBytes();
            writer.write(meta);
        } catch (IOException e) {
            noRoom(e);
        } finally {
            meta.release();
        }
    }

    void accept(ByteBuf fragment) {
        datasetBytes += fragment.readableBytes();
        if (failure != null) {
            return;
        }
        try {
            scanner.feed(fragment);
            writer.write(fragment);
        } catch (MalformedDatasetException e) {
            unreadable(e);
        } catch (IOException e) {
            noRoom(e);
        }
    }

    /** The whole dataset is in: the status to answer, once blob and message are durable or refused. */
    CompletionStage<Outcome> finish() {
        if (failure != null) {
            return CompletableFuture.completedFuture(failure);
        }
        DatasetAttributes dataset;
        try {
            dataset = scanner.finish();
        } catch (MalformedDatasetException e) {
            unreadable(e);
            return CompletableFuture.completedFuture(failure);
        }
        Outcome mismatch = mismatch(dataset);
        if (mismatch != null) {
            fail(mismatch.status(), mismatch.comment());
            return CompletableFuture.completedFuture(failure);
        }
        return writer.commit()
                .thenComposeAsync(blob -> {
                    EnergyMatcher.Match channel = energy.match(dataset);
                    Envelope.Builder message = XrayScans.message(dataset, blob, fileMetaBytes, context, association,
                            zone, channel.channel());
                    association.stored(command.affectedSopInstanceUid(), blob.sha256());
                    if (dataset.droppedItems() > 0) {
                        device.decodeError(TDR_TRUNCATED, "SOP instance " + command.affectedSopInstanceUid() + ": "
                                + dataset.droppedItems() + " sequence items beyond " + DatasetScanner.MAX_CAPTURED_ITEMS
                                + " not mapped (the stored file keeps them)");
                    }
                    if (channel instanceof EnergyMatcher.Ambiguous ambiguous) {
                        device.decodeError(ENERGY_AMBIGUOUS, "SOP instance " + command.affectedSopInstanceUid() + ": "
                                + ambiguous.describe() + " (the image is delivered; see params.energy)");
                    }
                    log.info("device={} calling_ae={} event=image_stored sop_instance={} sha256={} bytes={} energy={}",
                            deviceId(), association.callingAeTitle(), command.affectedSopInstanceUid(),
                            blob.sha256(), blob.sizeBytes(), EnergyMatcher.shortName(channel.channel()));
                    return device.emitDurably(message);
                }, device.executor())
                .handle((done, error) -> error == null ? Outcome.SUCCESS : refused(error));
    }

    /** The connection is gone before the last fragment: nothing of this dataset may remain. */
    void abandon() {
        if (writer != null) {
            writer.abort();
        }
        log.warn("device={} calling_ae={} reason=dataset_incomplete sop_instance={} detail=connection lost after"
                + " {} dataset bytes; nothing stored", deviceId(), association.callingAeTitle(),
                command.affectedSopInstanceUid(), datasetBytes);
    }

    private Outcome mismatch(DatasetAttributes dataset) {
        String sopInstance = dataset.string(Tags.SOP_INSTANCE_UID);
        if (sopInstance.isEmpty()) {
            return new Outcome(Status.CANNOT_UNDERSTAND, "dataset has no SOP Instance UID");
        }
        String sopClass = dataset.string(Tags.SOP_CLASS_UID);
        if (!sopClass.equals(command.affectedSopClassUid()) || !sopInstance.equals(command.affectedSopInstanceUid())) {
            return new Outcome(Status.DATASET_DOES_NOT_MATCH_SOP_CLASS, "dataset is " + sopClass + " " + sopInstance
                    + ", command announced " + command.affectedSopClassUid() + " " + command.affectedSopInstanceUid());
        }
        return null;
    }

    private Outcome refused(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        log.warn("device={} calling_ae={} reason=store_refused sop_instance={} status={} detail={}", deviceId(),
                association.callingAeTitle(), command.affectedSopInstanceUid(), Status.hex(Status.OUT_OF_RESOURCES),
                cause.toString());
        return new Outcome(Status.OUT_OF_RESOURCES, "gateway cannot store now: " + cause.getClass().getSimpleName());
    }

    private void noRoom(IOException e) {
        String why = e instanceof BlobStoreFullException ? "blob store full" : "blob store failed";
        fail(Status.OUT_OF_RESOURCES, why + ": " + e.getMessage());
    }

    private void unreadable(MalformedDatasetException e) {
        device.decodeError(DATASET_UNREADABLE, "SOP instance " + command.affectedSopInstanceUid() + ": " + e.getMessage());
        fail(Status.CANNOT_UNDERSTAND, e.getMessage());
    }

    private void fail(int status, String comment) {
        failure = new Outcome(status, comment);
        if (writer != null) {
            writer.abort();
        }
        log.warn("device={} calling_ae={} reason=store_failed sop_instance={} status={} detail={}", deviceId(),
                association.callingAeTitle(), command.affectedSopInstanceUid(), Status.hex(status), comment);
    }

    private String deviceId() {
        return device.device().getDeviceId();
    }
}
