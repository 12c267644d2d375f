/**
 * The device side of ANSI N42.42-2011 spectroscopic portals (DESIGN 4.3), written from the standard and
 * independent of the driver: {@link io.scangate.simulator.n42.SpectrumModel} draws NaI spectra (continuum,
 * K-40, a Cs-137 photopeak for alarms), {@link io.scangate.simulator.n42.N42Scenario} decides what a lane
 * reports and when (background measurements back to back, one Foreground document per passage, alarms with
 * a configured probability, seeded), {@link io.scangate.simulator.n42.N42DocumentWriter} writes the XML
 * (optionally CountedZeroes), and {@link io.scangate.simulator.n42.N42LaneServer} serves it over TCP framed
 * STX ... ETX with time acceleration, keeping the ground truth of what it handed to each connection.
 *
 * <pre>
 * try (N42LaneServer lane = N42LaneServer.start(N42LaneSettings.defaults().withAcceleration(100))) {
 *     int port = lane.port();              // 127.0.0.1, ephemeral
 *     ...
 *     List&lt;SentDocument&gt; truth = lane.groundTruth();
 * }
 * </pre>
 */
package io.scangate.simulator.n42;
