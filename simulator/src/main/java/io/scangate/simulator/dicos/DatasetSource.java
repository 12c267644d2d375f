package io.scangate.simulator.dicos;

import java.io.IOException;
import java.io.OutputStream;

/** A dataset written on demand, in the transfer syntax the association negotiated. */
@FunctionalInterface
public interface DatasetSource {

    void writeTo(OutputStream out, boolean explicitVr) throws IOException;
}
