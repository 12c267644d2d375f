package io.scangate.driver.dicos;

import io.scangate.driver.dicos.AssociateRequest.ProposedContext;
import io.scangate.driver.dicos.Negotiation.ContextResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides an A-ASSOCIATE-RQ from the configuration: who may call, which abstract syntaxes (DESIGN 4.4) and
 * which transfer syntaxes (explicit VR little endian preferred, then implicit VR little endian).
 */
final class Negotiator {

    private final DicosConfig config;

    Negotiator(DicosConfig config) {
        this.config = config;
    }

    Negotiation negotiate(AssociateRequest request) {
        if ((request.protocolVersion() & 1) == 0) {
            return new Negotiation.Reject(Negotiation.REJECTED_PERMANENT, Negotiation.SOURCE_SERVICE_PROVIDER_ACSE,
                    Negotiation.REASON_PROTOCOL_VERSION_NOT_SUPPORTED,
                    "protocol version 0x" + Integer.toHexString(request.protocolVersion()) + " not supported");
        }
        if (!Uids.APPLICATION_CONTEXT.equals(request.applicationContext())) {
            return new Negotiation.Reject(Negotiation.REJECTED_PERMANENT, Negotiation.SOURCE_SERVICE_USER,
                    Negotiation.REASON_APPLICATION_CONTEXT_NOT_SUPPORTED,
                    "application context " + request.applicationContext() + " not supported");
        }
        if (!config.calledAeTitle().equals(request.calledAeTitle())) {
            return new Negotiation.Reject(Negotiation.REJECTED_PERMANENT, Negotiation.SOURCE_SERVICE_USER,
                    Negotiation.REASON_CALLED_AE_NOT_RECOGNIZED,
                    "called AE title '" + request.calledAeTitle() + "' is not '" + config.calledAeTitle() + "'");
        }
        if (!config.acceptedCallingAeTitles().isEmpty()
                && !config.acceptedCallingAeTitles().contains(request.callingAeTitle())) {
            return new Negotiation.Reject(Negotiation.REJECTED_PERMANENT, Negotiation.SOURCE_SERVICE_USER,
                    Negotiation.REASON_CALLING_AE_NOT_RECOGNIZED,
                    "calling AE title '" + request.callingAeTitle() + "' is not in acceptedCallingAeTitles");
        }
        List<ContextResult> results = new ArrayList<>();
        for (ProposedContext proposed : request.contexts()) {
            results.add(decide(proposed));
        }
        return new Negotiation.Accept(List.copyOf(results));
    }

    private static ContextResult decide(ProposedContext proposed) {
        String first = proposed.transferSyntaxes().get(0);
        if (!Uids.acceptedAbstractSyntax(proposed.abstractSyntax())) {
            return new ContextResult(proposed.id(), Negotiation.ABSTRACT_SYNTAX_NOT_SUPPORTED,
                    proposed.abstractSyntax(), first);
        }
        for (String preferred : List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)) {
            if (proposed.transferSyntaxes().contains(preferred)) {
                return new ContextResult(proposed.id(), Negotiation.ACCEPTANCE, proposed.abstractSyntax(), preferred);
            }
        }
        return new ContextResult(proposed.id(), Negotiation.TRANSFER_SYNTAXES_NOT_SUPPORTED,
                proposed.abstractSyntax(), first);
    }
}
