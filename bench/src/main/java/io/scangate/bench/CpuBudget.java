package io.scangate.bench;

import io.scangate.gateway.testing.MosquittoBroker;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the machine's CPU went over one measured window: the gateway JVM (absent in the raw runs), this
 * benchmark JVM (simulator and subscriber, or the bare publisher and subscriber) and Mosquitto, as user
 * plus system seconds from {@code /proc}. On a machine whose cores the benchmark saturates, throughput is
 * a CPU budget, and these figures say who spends it.
 *
 * @param seconds wall-clock length of the window
 * @param messages what the window counts per message (events journalled, or messages acknowledged)
 */
record CpuBudget(double seconds, long messages, double gatewayCpu, double benchCpu, double brokerCpu) {

    static Meter start(GatewayJvm gateway, MosquittoBroker broker) {
        return new Meter(gateway, broker);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    double gatewayMicrosPerMessage() {
        return micros(gatewayCpu);
    }

    /** CPU of everything but the gateway per message: the load generator, the subscriber and the broker. */
    double othersMicrosPerMessage() {
        return micros(benchCpu + brokerCpu);
    }

    double coresUsed() {
        return (gatewayCpu + benchCpu + brokerCpu) / seconds;
    }

    /** E.g. "gateway 1.47, this JVM 0.40, mosquitto 0.13 cores (2.00 of 2); per message 61.2 / 16.7 / 5.4 µs". */
    String describe(String benchRole) {
        return String.format(Locale.ROOT, "CPU: %sthis JVM (%s) %.2f, mosquitto %.2f cores (%.2f of %d);"
                        + " per message %s%.1f µs this JVM, %.1f µs mosquitto (%d messages)",
                gatewayCpu > 0 ? String.format(Locale.ROOT, "gateway %.2f, ", gatewayCpu / seconds) : "", benchRole,
                benchCpu / seconds, brokerCpu / seconds, coresUsed(), cores(),
                gatewayCpu > 0 ? String.format(Locale.ROOT, "%.1f µs gateway, ", micros(gatewayCpu)) : "",
                micros(benchCpu), micros(brokerCpu), messages);
    }

    private double micros(double cpuSeconds) {
        return messages == 0 ? Double.NaN : cpuSeconds * 1e6 / messages;
    }

    /** CPU counters read at the start of a window. */
    static final class Meter {
        private final GatewayJvm gateway;
        private final MosquittoBroker broker;
        private final long started = System.nanoTime();
        private final Duration gatewayAtStart;
        private final Duration benchAtStart = ownCpu();
        private final Duration brokerAtStart;

        private Meter(GatewayJvm gateway, MosquittoBroker broker) {
            this.gateway = gateway;
            this.broker = broker;
            this.gatewayAtStart = gateway == null ? Duration.ZERO : gateway.cpu();
            this.brokerAtStart = broker.cpu();
        }

        CpuBudget stop(long messages) {
            double seconds = (System.nanoTime() - started) / 1e9;
            double gatewayCpu = gateway == null ? 0 : seconds(gateway.cpu().minus(gatewayAtStart));
            return new CpuBudget(seconds, messages, gatewayCpu, seconds(ownCpu().minus(benchAtStart)),
                    seconds(broker.cpu().minus(brokerAtStart)));
        }

        private static double seconds(Duration cpu) {
            return cpu.toNanos() / 1e9;
        }

        private static Duration ownCpu() {
            return ProcessHandle.current().info().totalCpuDuration().orElseThrow(
                    () -> new IllegalStateException("the OS does not report this JVM's CPU time"));
        }
    }
}
