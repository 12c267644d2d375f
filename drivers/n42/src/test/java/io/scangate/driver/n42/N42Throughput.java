package io.scangate.driver.n42;

import io.scangate.proto.v1.Envelope;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * Throughput of {@link N42Documents#parse} on one thread (so the figure is per core): the simulator's golden
 * alarm document (two 1,024-channel CountedZeroes spectra, analysis results) parsed, mapped and built to
 * protobuf messages over and over. A plain main, no JMH:
 * <pre>
 * mvn -B -o -q -pl drivers/n42 test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/n42cp.txt
 * java -cp drivers/n42/target/test-classes:drivers/n42/target/classes:$(cat /tmp/n42cp.txt) \
 *     io.scangate.driver.n42.N42Throughput 20
 * </pre>
 * The argument is the measured seconds (default 20), after 5 s of warm-up. Besides documents per second of
 * wall time it prints documents per second of this thread's CPU time, which is the per-core figure when
 * other processes compete for the cores.
 */
public final class N42Throughput {

    private static final String DOCUMENT = "/golden/simulator-alarm.n42";

    private N42Throughput() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        byte[] document;
        try (InputStream in = N42Throughput.class.getResourceAsStream(DOCUMENT)) {
            document = in.readAllBytes();
        }
        N42Config config = N42Config.defaults();
        long checksum = run(document, config, 5_000_000_000L)[1];
        long[] measured = run(document, config, seconds * 1_000_000_000L);
        double elapsed = measured[2] / 1e9;
        double cpu = measured[3] / 1e9;
        System.out.printf(Locale.ROOT, "document=%s bytes=%d wall_seconds=%.1f cpu_seconds=%.1f documents=%d"
                        + " documents_per_wall_second=%.0f documents_per_cpu_second=%.0f MB_per_cpu_second=%.1f"
                        + " checksum=%d%n", DOCUMENT, document.length, elapsed, cpu, measured[0], measured[0] / elapsed,
                measured[0] / cpu, measured[0] * (double) document.length / cpu / 1e6, checksum + measured[1]);
    }

    /** @return documents parsed, a checksum that keeps the work observable, wall and CPU nanoseconds spent */
    private static long[] run(byte[] document, N42Config config, long nanos) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long documents = 0;
        long checksum = 0;
        while (System.nanoTime() - start < nanos) {
            for (int i = 0; i < 100; i++) {
                N42Result result = N42Documents.parse(document, config);
                for (Envelope.Builder message : result.messages()) {
                    checksum += message.build().getSerializedSize();
                }
                documents++;
            }
        }
        return new long[] {documents, checksum, System.nanoTime() - start,
            threads.getCurrentThreadCpuTime() - cpuStart};
    }
}
