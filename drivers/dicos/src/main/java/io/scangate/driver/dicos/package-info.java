/**
 * Driver for X-ray scanners that send DICOS / DICOM images by C-STORE: a storage SCP on the DICOM upper
 * layer (PS3.8) and DIMSE (PS3.7), DESIGN 4.4. The gateway listens; each accepted connection is one
 * association.
 *
 * <p>Pipeline of each connection: {@link io.netty.handler.timeout.IdleStateHandler} (idle timer) &rarr;
 * {@link io.scangate.driver.dicos.PduFramer} (6-byte PDU header, bounded by {@code maxPduBytes}) &rarr;
 * {@link io.scangate.driver.dicos.AssociationHandler} (ARTIM, A-ASSOCIATE-AC/RJ via
 * {@link io.scangate.driver.dicos.Negotiator}, P-DATA-TF to PDVs, release, abort) &rarr;
 * {@link io.scangate.driver.dicos.DimseHandler} (command sets, C-ECHO, C-STORE as a
 * {@link io.scangate.driver.dicos.StoreOperation} that streams the dataset into the blob store through a
 * {@link io.scangate.driver.dicos.DatasetScanner}).
 *
 * <p>What is emitted: one {@link io.scangate.proto.v1.XrayScan} per stored instance, durably, before the
 * C-STORE-RSP success is sent. See the module's README for statuses and mapping.
 */
package io.scangate.driver.dicos;
