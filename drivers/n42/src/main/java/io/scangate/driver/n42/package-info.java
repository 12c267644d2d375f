/**
 * Driver for ANSI N42.42-2011 (IEC 62755) radiation instruments: spectroscopic portals and handhelds that
 * send XML documents (DESIGN 4.3), here over TCP framed STX ... ETX (the device is the server).
 *
 * <p>Pipeline of each connection: {@link io.scangate.driver.n42.StxEtxFramer} (bounded framing, garbage
 * and truncation reported) &rarr; {@link io.scangate.driver.n42.DocumentHandler} &rarr;
 * {@link io.scangate.driver.n42.N42Driver}, which maps each document with
 * {@link io.scangate.driver.n42.N42Documents#parse} (hardened streaming StAX, {@code N42Reader}, then
 * {@code N42Mapper}) and emits the results. The mapping is described in the module's README.md.
 */
package io.scangate.driver.n42;
