package io.scangate.gateway.host;

import static io.scangate.gateway.host.SerialFixture.openDeviceEnd;
import static io.scangate.gateway.host.SerialFixture.writeLine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fazecast.jSerialComm.SerialPort;
import io.scangate.gateway.metrics.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening and closing a serial link many times leaves no reader thread and no file descriptor behind. */
class SerialLinkCyclesTest {

    private static final int CYCLES = 1_000;
    private static final int WARM_UP = 20;
    /** Room for JVM housekeeping threads and descriptors that come and go on their own. */
    private static final int SLACK = 3;

    @Test
    void aThousandOpenCloseCyclesLeaveNoThreadOrFileDescriptorBehind(@TempDir Path dir) {
        try (SocatPair pair = SocatPair.start(dir); SerialFixture f = new SerialFixture(pair)) {
            SerialPort device = openDeviceEnd(pair.deviceEnd());
            GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
            int threadsBefore = -1;
            long descriptorsBefore = -1;
            long started = System.nanoTime();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                SerialLink link = f.onLoop(() -> new SerialLink(f.runtime, f.transport, f.driver, metrics));
                f.onLoop(() -> {
                    link.start();
                    return null;
                });
                int expectedUps = cycle;
                await("open #" + cycle).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                        .until(() -> f.driver.linkUps.get() == expectedUps);
                String line = "GB," + cycle;
                writeLine(device, line);
                await("line of cycle #" + cycle).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                        .until(() -> f.driver.lines.contains(line));
                f.onLoop(link::stop).awaitUninterruptibly(10_000);
                if (cycle == WARM_UP) {
                    threadsBefore = awaitSettledThreads();
                    descriptorsBefore = openDescriptors();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            int baseline = threadsBefore;
            await("reader threads gone").atMost(Duration.ofSeconds(10))
                    .until(() -> SerialLinkTest.serialReaderThreads() == 0 && liveThreads() <= baseline + SLACK);
            assertThat(liveThreads()).as("threads after %d cycles (%d after warm-up)", CYCLES, threadsBefore)
                    .isLessThanOrEqualTo(threadsBefore + SLACK);
            assertThat(openDescriptors()).as("open file descriptors after %d cycles (%d after warm-up)", CYCLES, descriptorsBefore)
                    .isLessThanOrEqualTo(descriptorsBefore + SLACK);
            assertThat(f.driver.linkDowns).hasValue(CYCLES);
            System.out.printf("SERIAL CYCLES: %d open/close cycles in %.1f s; threads %d -> %d, fds %d -> %d%n",
                    CYCLES, seconds, threadsBefore, liveThreads(), descriptorsBefore, openDescriptors());
            device.closePort();
        }
    }

    private static int awaitSettledThreads() {
        await().atMost(Duration.ofSeconds(10)).until(() -> SerialLinkTest.serialReaderThreads() == 0);
        return liveThreads();
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long openDescriptors() {
        String[] entries = new File("/proc/self/fd").list();
        if (entries == null) {
            throw new IllegalStateException("/proc/self/fd is not readable: this test needs Linux");
        }
        return entries.length;
    }
}
