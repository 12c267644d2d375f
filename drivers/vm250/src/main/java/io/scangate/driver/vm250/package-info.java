/**
 * Driver for VM-250-style radiation portal monitors (Rapiscan / TSA Systems vehicle portals): ASCII CSV
 * lines over TCP (the portal is the server, port 1600 by convention) or RS-232 (DESIGN 4.1).
 *
 * <p>Pipeline of each connection: {@link io.scangate.driver.vm250.LineFramer} (bounded CR LF / LF
 * framing) &rarr; {@link io.scangate.driver.vm250.Vm250LineDecoder} (line to
 * {@link io.scangate.driver.vm250.Vm250Record}) &rarr; {@link io.scangate.driver.vm250.RecordHandler}
 * &rarr; {@link io.scangate.driver.vm250.Vm250Driver}, which owns the lane state and the
 * {@link io.scangate.driver.vm250.OccupancyTracker} across reconnects.
 *
 * <p>What is emitted:
 * <ul>
 *   <li>GB NB GH GL NH: a RadiationMeasurement; GH GL NH also set the FAULT condition, cleared by the next
 *       GB (gamma) or NB (neutron);</li>
 *   <li>TT / TC: the TAMPER condition;</li>
 *   <li>SG1 SG2 SG3 SN1 SN2: a DeviceSetup with named values;</li>
 *   <li>one RadiationScan per passage: closed NORMAL by GX, INTERRUPTED by a background line, a line limit
 *       or the gateway stopping, TIMEOUT after {@code occupancyTimeout} without an occupied line;</li>
 *   <li>unknown tags, garbage and lines with unreadable fields: a RawRecord with the exact bytes (the last
 *       two also as decode errors); inside an occupancy also in its {@code unmapped} lines.</li>
 * </ul>
 *
 * <p>{@code gamma_sigma} is left unset ({@code gamma_sigma_present} false) when it cannot be computed (no gamma background seen yet, or no complete
 * one-second window); {@code gamma_background} holds NaN for a detector the device sent as {@code ***}.
 */
package io.scangate.driver.vm250;
