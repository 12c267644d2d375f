package io.scangate.driver.dicos;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import io.scangate.driver.DeviceContext;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acceptor side of the upper-layer state machine (PS3.8 9.2): waits for A-ASSOCIATE-RQ under the ARTIM
 * timer, answers it with AC or RJ, splits P-DATA-TF into {@link Pdv}s for the DIMSE layer, answers
 * A-RELEASE-RQ once pending operations have answered, and aborts on protocol errors and idleness. An
 * A-ABORT from the peer closes the connection; the DIMSE layer then discards whatever was half received.
 */
final class AssociationHandler extends ChannelInboundHandlerAdapter {

    static final String MALFORMED_PDU = "malformed_pdu";
    static final String UNEXPECTED_PDU = "unexpected_pdu";

    private static final Logger log = LoggerFactory.getLogger(AssociationHandler.class);

    private enum State { AWAITING_REQUEST, ESTABLISHED, RELEASING, CLOSING }

    private final DicosConfig config;
    private final DeviceContext device;
    private final Negotiator negotiator;
    private final Association association;
    private State state = State.AWAITING_REQUEST;
    private ScheduledFuture<?> artim;

    AssociationHandler(DicosConfig config, DeviceContext device, Association association) {
        this.config = config;
        this.device = device;
        this.negotiator = new Negotiator(config);
        this.association = association;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            startArtim(ctx, "no A-ASSOCIATE-RQ");
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        if (artim == null) {
            startArtim(ctx, "no A-ASSOCIATE-RQ");
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stopArtim();
        if (state == State.ESTABLISHED) {
            log.info("device={} peer={} event=connection_lost state={}", deviceId(), association.callingAeTitle(), state);
        }
        state = State.CLOSING;
        ctx.fireChannelInactive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Pdu pdu)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            onPdu(ctx, pdu);
        } catch (MalformedPduException e) {
            device.decodeError(MALFORMED_PDU, Pdu.name(pdu.type()) + ": " + e.getMessage());
            abort(ctx, Pdus.ABORT_REASON_INVALID_PARAMETER_VALUE);
        } finally {
            pdu.body().release();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && state == State.ESTABLISHED && association.pendingOperations() == 0) {
            log.warn("device={} peer={} reason=idle_timeout detail=nothing received for {}; association aborted",
                    deviceId(), association.callingAeTitle(), config.idleTimeout());
            abort(ctx, Pdus.ABORT_REASON_NOT_SPECIFIED);
            return;
        }
        ctx.fireUserEventTriggered(event);
    }

    private void onPdu(ChannelHandlerContext ctx, Pdu pdu) throws MalformedPduException {
        if (state == State.CLOSING) {
            return;
        }
        switch (pdu.type()) {
            case Pdu.ASSOCIATE_RQ -> {
                if (state != State.AWAITING_REQUEST) {
                    unexpected(ctx, pdu);
                    return;
                }
                onAssociateRequest(ctx, AssociateRequest.parse(pdu.body()));
            }
            case Pdu.P_DATA_TF -> {
                if (state != State.ESTABLISHED) {
                    unexpected(ctx, pdu);
                    return;
                }
                splitPresentationDataValues(ctx, pdu.body());
            }
            case Pdu.RELEASE_RQ -> {
                if (state != State.ESTABLISHED) {
                    unexpected(ctx, pdu);
                    return;
                }
                state = State.RELEASING;
                association.whenQuiet(() -> releaseResponse(ctx));
            }
            case Pdu.ABORT -> {
                ByteBuf body = pdu.body();
                String detail = body.readableBytes() >= 4
                        ? "source=" + body.getUnsignedByte(body.readerIndex() + 2) + " reason="
                                + body.getUnsignedByte(body.readerIndex() + 3)
                        : "short A-ABORT";
                log.info("device={} peer={} event=aborted_by_peer {} pending_operations={}", deviceId(),
                        association.callingAeTitle(), detail, association.pendingOperations());
                state = State.CLOSING;
                ctx.close();
            }
            case Pdu.ASSOCIATE_AC, Pdu.ASSOCIATE_RJ, Pdu.RELEASE_RP -> unexpected(ctx, pdu);
            default -> {
                device.decodeError(UNEXPECTED_PDU, Pdu.name(pdu.type()) + " of " + pdu.body().readableBytes()
                        + " bytes in state " + state);
                abort(ctx, Pdus.ABORT_REASON_UNRECOGNIZED_PDU);
            }
        }
    }

    private void onAssociateRequest(ChannelHandlerContext ctx, AssociateRequest request) {
        stopArtim();
        Negotiation negotiation = negotiator.negotiate(request);
        if (negotiation instanceof Negotiation.Reject reject) {
            log.warn("device={} peer={} calling_ae={} called_ae={} reason=association_rejected source={}"
                    + " reject_reason={} detail={}", deviceId(), ctx.channel().remoteAddress(),
                    request.callingAeTitle(), request.calledAeTitle(), reject.source(), reject.reason(), reject.why());
            state = State.CLOSING;
            ctx.writeAndFlush(Pdus.associateReject(ctx.alloc(), reject));
            startArtim(ctx, "peer kept the connection open after A-ASSOCIATE-RJ");
            return;
        }
        Negotiation.Accept accept = (Negotiation.Accept) negotiation;
        association.established(request, accept);
        state = State.ESTABLISHED;
        long accepted = accept.contexts().stream().filter(Negotiation.ContextResult::accepted).count();
        if (accepted == 0) {
            log.warn("device={} calling_ae={} reason=no_presentation_context_accepted detail={}", deviceId(),
                    request.callingAeTitle(), accept.contexts());
        } else {
            log.info("device={} calling_ae={} event=association_accepted contexts_accepted={} of={}"
                    + " peer_max_pdu={} peer_implementation={}", deviceId(), request.callingAeTitle(), accepted,
                    accept.contexts().size(), request.maxPduBytes(), request.implementationVersionName());
        }
        ctx.writeAndFlush(Pdus.associateAccept(ctx.alloc(), request, accept, config.maxPduBytes()));
    }

    private void splitPresentationDataValues(ChannelHandlerContext ctx, ByteBuf body) throws MalformedPduException {
        ByteBuf in = body.duplicate();
        while (in.isReadable()) {
            if (in.readableBytes() < 6) {
                throw new MalformedPduException("P-DATA-TF ends inside a PDV item header");
            }
            long itemLength = in.readUnsignedInt();
            if (itemLength < 2 || itemLength > in.readableBytes()) {
                throw new MalformedPduException("PDV item length " + itemLength + " with " + in.readableBytes()
                        + " bytes left in the PDU");
            }
            int contextId = in.readUnsignedByte();
            int control = in.readUnsignedByte();
            PresentationContext context = association.context(contextId);
            if (context == null) {
                throw new MalformedPduException("PDV on presentation context " + contextId + ", which is not accepted");
            }
            ByteBuf data = in.readRetainedSlice((int) itemLength - 2);
            ctx.fireChannelRead(new Pdv(context, (control & Pdv.COMMAND) != 0, (control & Pdv.LAST) != 0, data));
            if (state != State.ESTABLISHED) {
                return;
            }
        }
    }

    private void releaseResponse(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        log.info("device={} calling_ae={} event=association_released", deviceId(), association.callingAeTitle());
        state = State.CLOSING;
        ctx.writeAndFlush(Pdus.releaseResponse(ctx.alloc()));
        startArtim(ctx, "peer kept the connection open after A-RELEASE-RP");
    }

    private void unexpected(ChannelHandlerContext ctx, Pdu pdu) {
        device.decodeError(UNEXPECTED_PDU, Pdu.name(pdu.type()) + " in state " + state);
        abort(ctx, Pdus.ABORT_REASON_UNEXPECTED_PDU);
    }

    private void abort(ChannelHandlerContext ctx, int reason) {
        state = State.CLOSING;
        stopArtim();
        ctx.writeAndFlush(Pdus.abort(ctx.alloc(), Pdus.ABORT_SOURCE_PROVIDER, reason))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void startArtim(ChannelHandlerContext ctx, String why) {
        stopArtim();
        artim = ctx.executor().schedule(() -> {
            log.warn("device={} peer={} reason=artim_timeout detail={} within {}; connection closed", deviceId(),
                    ctx.channel().remoteAddress(), why, config.artimTimeout());
            state = State.CLOSING;
            ctx.close();
        }, config.artimTimeout().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void stopArtim() {
        if (artim != null) {
            artim.cancel(false);
            artim = null;
        }
    }

    private String deviceId() {
        return device.device().getDeviceId();
    }
}
