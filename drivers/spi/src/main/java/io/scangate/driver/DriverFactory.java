package io.scangate.driver;

/**
 * Entry point of a driver, found by {@link java.util.ServiceLoader} through
 * {@code META-INF/services/io.scangate.driver.DriverFactory}.
 *
 * <p>The host reads a device's {@code params:} block from the YAML configuration into {@link #configType()}
 * (Jackson; {@code java.time.Duration} fields accept {@code 200ms}, {@code 10s}, {@code 5m}), calls
 * {@link DriverConfig#validate()} at start-up, and only then creates the driver.
 *
 * @param <C> the driver's typed configuration
 */
public interface DriverFactory<C extends DriverConfig> {

    /** The value of {@code driver:} in the configuration, e.g. {@code vm250}. Lower case, stable. */
    String type();

    /** One line for {@code scangate drivers} and error messages. */
    String description();

    /**
     * The device family its devices report unless the configuration says otherwise, e.g.
     * {@code RADIATION_PORTAL}, {@code XRAY}, {@code OCR}: back-ends and the lane correlator tell devices
     * apart by it.
     */
    String family();

    /** The class {@code params:} binds to. It must have defaults for every optional key. */
    Class<C> configType();

    /** Which transports the driver can run over; the device's {@code transport:} must be one of them. */
    java.util.Set<TransportKind> transports();

    /** A new driver instance for one device. Called once per device, on that device's event loop. */
    Driver create(C config, DeviceContext context);
}
