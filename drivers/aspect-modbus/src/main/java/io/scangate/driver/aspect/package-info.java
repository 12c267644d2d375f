/**
 * Driver for Aspect-style radiation portal monitors polled over Modbus TCP (DESIGN 4.2): the monitor is
 * the server (port 502, unit ids 1-32), the gateway reads its holding registers.
 *
 * <p>Pipeline of each connection: {@link io.scangate.driver.aspect.MbapFrameDecoder} (MBAP framing,
 * length limit) &rarr; {@link io.scangate.driver.aspect.ModbusResponseDecoder} (answer PDUs) and
 * {@link io.scangate.driver.aspect.ReadRequestEncoder} (function 0x03 requests) &rarr;
 * {@link io.scangate.driver.aspect.ConnectionHandler}, which hands the connection to the
 * {@link io.scangate.driver.aspect.Poller}. The poller, the occupancy state
 * ({@link io.scangate.driver.aspect.PassageTracker}) and the condition state
 * ({@link io.scangate.driver.aspect.FaultWatch}) live in {@link io.scangate.driver.aspect.AspectModbusDriver}
 * and survive reconnects.
 *
 * <p>What is emitted:
 * <ul>
 *   <li>a DeviceSetup ({@code source_tag=header}) when the header registers are first read or change;</li>
 *   <li>while the lane is empty, per poll: a GAMMA_BACKGROUND and a NEUTRON_BACKGROUND RadiationMeasurement
 *       with the counts of the poll interval and its length as {@code real_time};</li>
 *   <li>one RadiationScan per occupancy, one single-channel gamma and neutron DetectorCounts per poll;
 *       also one (without intervals, {@code seen_by=object_counter}) per object-counter advance no
 *       observed occupancy could claim;</li>
 *   <li>FAULT and TAMPER conditions from the input and channel status bits, on change only;</li>
 *   <li>decode errors: bad frames (connection closed), timeouts, exception responses, unexpected
 *       transactions or units, bad headers, counter jumps.</li>
 * </ul>
 */
package io.scangate.driver.aspect;
