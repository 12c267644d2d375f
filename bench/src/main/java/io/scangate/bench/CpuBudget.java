package io.scangate.bench;

import io.scangate.gateway.testing.MosquittoBroker;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the machine's CPU went over one measured window: the gateway JVM (absent in the raw runs), this
 * benchmark JVM (the simulator or the bare publisher, plus the subscriber, whose own threads are counted
 * apart) and Mosquitto, as user plus system seconds. On a machine whose cores the benchmark saturates,
 * throughput is a CPU budget, and these figures say who spends it.
 *
 * @param seconds wall-clock length of the window
 * @param messages what the window counts per message (events journalled, or messages acknowledged)
 * @param subscriberCpu the part of {@code benchCpu} spent by the subscriber's threads
 */
record CpuBudget(double seconds, long messages, double gatewayCpu, double benchCpu, double subscriberCpu,
                 double brokerCpu) {

    static Meter start(GatewayJvm gateway, MosquittoBroker broker) {
        return new Meter(gateway, broker);
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * CPU of the threads of this JVM whose names contain {@code fragment}: Paho names its threads after the
     * client id, so one client's CPU can be told from another's in the same JVM.
     */
    static long threadsCpuNanos(String fragment) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().contains(fragment)) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }

    double gatewayMicros() {
        return micros(gatewayCpu);
    }

    /** The load generator (simulator or bare publisher): this JVM without the subscriber's threads. */
    double generatorMicros() {
        return micros(benchCpu - subscriberCpu);
    }

    double subscriberMicros() {
        return micros(subscriberCpu);
    }

    double brokerMicros() {
        return micros(brokerCpu);
    }

    double coresUsed() {
        return (gatewayCpu + benchCpu + brokerCpu) / seconds;
    }

    /** E.g. "CPU: gateway 1.25, simulator 0.40, subscriber 0.15, mosquitto 0.16 cores (1.96 of 2); per message ...". */
    String describe(String generator) {
        return String.format(Locale.ROOT, "CPU: %s%s %.2f, subscriber %.2f, mosquitto %.2f cores (%.2f of %d);"
                        + " per message %s%.1f µs %s, %.1f µs subscriber, %.1f µs mosquitto (%d messages)",
                gatewayCpu > 0 ? String.format(Locale.ROOT, "gateway %.2f, ", gatewayCpu / seconds) : "", generator,
                (benchCpu - subscriberCpu) / seconds, subscriberCpu / seconds, brokerCpu / seconds, coresUsed(), cores(),
                gatewayCpu > 0 ? String.format(Locale.ROOT, "%.1f µs gateway, ", gatewayMicros()) : "",
                generatorMicros(), generator, subscriberMicros(), brokerMicros(), messages);
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
        private final long subscriberAtStart = threadsCpuNanos(BenchSubscriber.CLIENT_ID);
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
                    (threadsCpuNanos(BenchSubscriber.CLIENT_ID) - subscriberAtStart) / 1e9,
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
