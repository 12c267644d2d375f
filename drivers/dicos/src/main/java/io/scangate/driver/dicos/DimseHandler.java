package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.scangate.driver.DeviceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DIMSE layer (PS3.7) over {@link Pdv}s: gathers command fragments (at most {@code maxCommandBytes}),
 * answers C-ECHO, runs each C-STORE as a {@link StoreOperation} fed fragment by fragment, and answers it
 * when the operation's outcome is known. Other operations are answered "unrecognized operation" (their
 * dataset, if any, is discarded); C-CANCEL is ignored, as a store cannot be cancelled halfway here.
 */
final class DimseHandler extends ChannelInboundHandlerAdapter {

    static final String MALFORMED_COMMAND = "malformed_command";
    static final String UNEXPECTED_PDV = "unexpected_pdv";

    private static final Logger log = LoggerFactory.getLogger(DimseHandler.class);

    private final DicosConfig config;
    private final EnergyMatcher energy;
    private final DeviceContext device;
    private final Association association;
    private CompositeByteBuf commandFragments;
    /** The command whose dataset is arriving, or null between messages. */
    private Command awaitingDataset;
    /** The C-STORE being received, or null (also while discarding another operation's dataset). */
    private StoreOperation store;
    /** Set once this layer aborted the association: PDVs still queued in the same PDU are dropped. */
    private boolean aborted;

    DimseHandler(DicosConfig config, EnergyMatcher energy, DeviceContext device, Association association) {
        this.config = config;
        this.energy = energy;
        this.device = device;
        this.association = association;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Pdv pdv)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            if (aborted) {
                return;
            }
            if (pdv.command()) {
                onCommandFragment(ctx, pdv);
            } else {
                onDatasetFragment(ctx, pdv);
            }
        } finally {
            pdv.data().release();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (store != null) {
            store.abandon();
            store = null;
            association.operationFinished();
        }
        awaitingDataset = null;
        releaseCommandFragments();
        ctx.fireChannelInactive();
    }

    private void onCommandFragment(ChannelHandlerContext ctx, Pdv pdv) {
        if (awaitingDataset != null) {
            protocolError(ctx, UNEXPECTED_PDV, "command fragment while the dataset of message "
                    + awaitingDataset.messageId() + " is arriving");
            return;
        }
        if (commandFragments == null) {
            commandFragments = ctx.alloc().compositeBuffer();
        }
        if (commandFragments.readableBytes() + pdv.data().readableBytes() > config.maxCommandBytes()) {
            protocolError(ctx, MALFORMED_COMMAND, "command set over maxCommandBytes " + config.maxCommandBytes());
            return;
        }
        commandFragments.addComponent(true, pdv.data().retain());
        if (!pdv.last()) {
            return;
        }
        Command command;
        try {
            command = Command.parse(commandFragments);
        } catch (MalformedCommandException e) {
            protocolError(ctx, MALFORMED_COMMAND, e.getMessage());
            return;
        } finally {
            releaseCommandFragments();
        }
        onCommand(ctx, pdv.context(), command);
    }

    private void onCommand(ChannelHandlerContext ctx, PresentationContext context, Command command) {
        switch (command.commandField()) {
            case Command.C_ECHO_RQ -> respond(ctx, context, command, Status.SUCCESS, null);
            case Command.C_STORE_RQ -> {
                if (!command.hasDataset()) {
                    respond(ctx, context, command, Status.CANNOT_UNDERSTAND, "C-STORE-RQ without a dataset");
                    return;
                }
                association.operationStarted();
                awaitingDataset = command;
                store = new StoreOperation(device, association, context, command, config.zone(), energy,
                        ctx.alloc());
            }
            case Command.C_CANCEL_RQ -> log.info("device={} event=c_cancel_ignored message_id={}", deviceId(),
                    command.messageId());
            default -> {
                device.decodeError("unsupported_operation", String.format("DIMSE command field 0x%04X",
                        command.commandField()));
                if (command.hasDataset()) {
                    awaitingDataset = command;
                } else {
                    respond(ctx, context, command, Status.UNRECOGNIZED_OPERATION, "operation not supported");
                }
            }
        }
    }

    private void onDatasetFragment(ChannelHandlerContext ctx, Pdv pdv) {
        if (awaitingDataset == null) {
            protocolError(ctx, UNEXPECTED_PDV, "dataset fragment without a command");
            return;
        }
        StoreOperation operation = store;
        if (operation != null) {
            operation.accept(pdv.data());
        }
        if (!pdv.last()) {
            return;
        }
        Command command = awaitingDataset;
        awaitingDataset = null;
        store = null;
        if (operation == null) {
            respond(ctx, pdv.context(), command, Status.UNRECOGNIZED_OPERATION, "operation not supported");
            return;
        }
        operation.finish().whenCompleteAsync((outcome, error) -> {
            StoreOperation.Outcome answer = error == null ? outcome
                    : new StoreOperation.Outcome(Status.OUT_OF_RESOURCES, "gateway error: " + error);
            respond(ctx, pdv.context(), command, answer.status(), answer.comment());
            association.operationFinished();
        }, ctx.executor());
    }

    private void respond(ChannelHandlerContext ctx, PresentationContext context, Command command, int status,
            String comment) {
        if (!ctx.channel().isActive()) {
            log.warn("device={} reason=response_undeliverable message_id={} status={} detail=connection closed"
                    + " before the response", deviceId(), command.messageId(), Status.hex(status));
            return;
        }
        ByteBuf response = command.response(ctx.alloc(), status, comment);
        try {
            ctx.writeAndFlush(Pdus.command(ctx.alloc(), context.id(), response));
        } finally {
            response.release();
        }
    }

    private void protocolError(ChannelHandlerContext ctx, String reason, String detail) {
        aborted = true;
        device.decodeError(reason, detail);
        releaseCommandFragments();
        ctx.writeAndFlush(Pdus.abort(ctx.alloc(), Pdus.ABORT_SOURCE_PROVIDER, Pdus.ABORT_REASON_UNEXPECTED_PDU))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void releaseCommandFragments() {
        if (commandFragments != null) {
            commandFragments.release();
            commandFragments = null;
        }
    }

    private String deviceId() {
        return device.device().getDeviceId();
    }
}
