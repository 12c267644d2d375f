/**
 * The device side of Aspect-style radiation portal monitors over Modbus TCP (DESIGN 4.2), written from
 * the spec and independent of the driver: {@link io.scangate.simulator.modbus.AspectModbusSlave} serves
 * holding registers 0..7 (header) and the 21-register monitor block at 100 for each simulated unit id
 * (1..32); each unit is an {@link io.scangate.simulator.modbus.AspectScenario} running in simulated
 * time (seeded, Poisson arrivals, lognormal durations, baseline depression, rare alarms) and keeping
 * {@link io.scangate.simulator.modbus.AspectOccupancyTruth} ground truth.
 * {@link io.scangate.simulator.modbus.AspectRegisterMap} is the encoder the golden vectors in
 * {@code drivers/aspect-modbus/src/test/resources/golden} check.
 */
package io.scangate.simulator.modbus;
