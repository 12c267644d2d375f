/**
 * The device side of OCR / licence-plate portals (docs/ocr.md, DESIGN 4.5), written from the documented wire
 * forms and ISO 6346 and independent of the driver. {@link io.scangate.simulator.vehicle.VehicleGenerator} draws
 * trucks with 0-2 valid container numbers; {@link io.scangate.simulator.ocr.OcrReadGenerator} turns one vehicle
 * into the read a portal would send, with seeded faults, and returns the ground truth with it; {@link
 * io.scangate.simulator.ocr.ReadEncoders} writes the JSON body or the TCP line; {@link
 * io.scangate.simulator.ocr.HttpOcrPortal} and {@link io.scangate.simulator.ocr.TcpOcrPortal} send them.
 *
 * <pre>
 * OcrReadGenerator portal = new OcrReadGenerator(OcrFaults.realistic(), seed);
 * SimulatedRead read = portal.read(new Vehicle("BX482KL", "NL", List.of("CSQU3054383")), "lane-3", when);
 * read.read().ifPresent(r -&gt; http.send(r));          // empty when the portal missed the vehicle
 * read.containerFaults();                            // what went wrong, per true container
 * </pre>
 */
package io.scangate.simulator.ocr;
