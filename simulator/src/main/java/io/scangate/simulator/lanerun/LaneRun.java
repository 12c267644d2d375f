package io.scangate.simulator.lanerun;

import io.scangate.simulator.Simulator;
import io.scangate.simulator.ocr.HttpOcrPortal;
import io.scangate.simulator.ocr.OcrPortal;
import io.scangate.simulator.vehicle.PartEvent;
import io.scangate.simulator.vehicle.VehicleLaneScenario;
import io.scangate.simulator.vehicle.VehiclePassage;
import io.scangate.simulator.vehicle.VehicleTruth;
import io.scangate.simulator.vehicle.VehicleTruthLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole simulated lane: the vehicles of a {@link VehicleLaneScenario} pass an OCR portal (reads POSTed to the
 * gateway's webhook), a VM-250 radiation portal (occupancies played by a scheduled lane of a {@link Simulator})
 * and an X-ray scanner (images stored by the DICOS SCU), each part at its scenario time compressed by the
 * acceleration. Every clock is compressed the same way: a part that happens at scenario time {@code t} happens
 * at the wall-clock instant {@code start + t / acceleration}, and that instant is the OCR read's {@code time},
 * the X-ray acquisition date/time and the moment the occupancy starts (the gateway stamps a VM-250 occupancy
 * with its receive time). Deliveries (the read's POST, the image transfer, a late X-ray) follow at their own
 * compressed times. A part the scenario lacks (no X-ray) is not played; an OCR "no read" is a read of nothing.
 *
 * <p>Occupancies are started from one clock thread that does nothing else, so that their start times are as
 * exact as the machine allows; the OCR portal and the scanner block on their sockets, each on a thread of its
 * own, as a device would. Ground truth goes to {@link LaneRunSettings#truthLog()} vehicle by vehicle.
 */
public final class LaneRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LaneRun.class);
    private static final long PLAN_AHEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final LaneRunSettings settings;
    private final Simulator radiationPortal;
    private final VehicleLaneScenario scenario;
    private final OcrPortal ocrPortal;
    private final XrayScannerPlayer scanner;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(named("clock"));
    private final ScheduledExecutorService ocrThread = Executors.newSingleThreadScheduledExecutor(named("ocr"));
    private final ScheduledExecutorService xrayThread = Executors.newSingleThreadScheduledExecutor(named("xray"));
    private final LaneRunCounts counts = new LaneRunCounts();
    private final List<VehiclePassage> planned = new ArrayList<>();
    private final AtomicLong outstanding = new AtomicLong();
    private final CountDownLatch played = new CountDownLatch(1);
    private final BufferedWriter truthLog;
    private final Consumer<VehicleTruth> onPlanned;
    private long originNanos;
    private Instant originInstant;
    private volatile boolean planningDone;

    private LaneRun(LaneRunSettings settings, Simulator radiationPortal, Consumer<VehicleTruth> onPlanned)
            throws IOException {
        this.settings = settings;
        this.onPlanned = onPlanned;
        this.radiationPortal = radiationPortal;
        this.scenario = new VehicleLaneScenario(settings.traffic(), settings.seed(), 0);
        this.ocrPortal = new HttpOcrPortal(settings.ocrWebhook());
        this.scanner = new XrayScannerPlayer(settings.dicos(), settings.seed());
        this.truthLog = settings.truthLog() == null ? null
                : Files.newBufferedWriter(settings.truthLog(), StandardCharsets.UTF_8);
    }

    /**
     * Starts playing at once; returns without waiting. {@code radiationPortal} must have {@code settings.lane()}
     * among its scheduled lanes, and the gateway should be connected to it first (occupancies played with no
     * client connected are lost, and counted so).
     */
    public static LaneRun start(LaneRunSettings settings, Simulator radiationPortal) throws IOException {
        return start(settings, radiationPortal, truth -> { });
    }

    /** As {@link #start(LaneRunSettings, Simulator)}, telling {@code onPlanned} each vehicle as it arrives. */
    public static LaneRun start(LaneRunSettings settings, Simulator radiationPortal, Consumer<VehicleTruth> onPlanned)
            throws IOException {
        LaneRun run = new LaneRun(settings, radiationPortal, onPlanned);
        run.originNanos = System.nanoTime() + settings.lead().toNanos();
        run.originInstant = Instant.now().plus(settings.lead());
        run.clock.execute(() -> run.plan(run.scenario.next()));
        log.info("lane={} event=lane-run-started vehicles={} acceleration={} seed={} ocr={} dicom={}:{}",
                settings.lane(), settings.vehicles() == 0 ? "unlimited" : settings.vehicles(), settings.acceleration(),
                settings.seed(), settings.ocrWebhook(), settings.dicos().host(), settings.dicos().port());
        return run;
    }

    /** Waits until every part of every vehicle was played (never, for an unlimited run). */
    public boolean awaitPlayed(Duration timeout) throws InterruptedException {
        return played.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The vehicles planned so far, in arrival order, with their ground truth. */
    public List<VehiclePassage> vehicles() {
        synchronized (planned) {
            return List.copyOf(planned);
        }
    }

    /** What the devices delivered so far. */
    public LaneRunCounts.Snapshot counts() {
        return counts.snapshot();
    }

    /** The wall-clock instant of scenario time {@code scenarioMillis}. */
    public Instant wallInstant(long scenarioMillis) {
        return originInstant.plusNanos(scaledNanos(scenarioMillis));
    }

    /** Stops playing; parts not yet played are dropped. */
    @Override
    public void close() throws IOException {
        for (ScheduledExecutorService executor : List.of(clock, ocrThread, xrayThread)) {
            executor.shutdownNow();
        }
        try {
            for (ScheduledExecutorService executor : List.of(clock, ocrThread, xrayThread)) {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ocrPortal.close();
        if (truthLog != null) {
            truthLog.close();
        }
    }

    private void plan(VehiclePassage passage) {
        synchronized (planned) {
            planned.add(passage);
        }
        writeTruth(passage.truth());
        onPlanned.accept(passage.truth());
        for (PartEvent part : passage.parts()) {
            outstanding.incrementAndGet();
            if (part instanceof PartEvent.OcrRead read) {
                at(ocrThread, read.deliverMillis(), () -> sendRead(read));
            } else if (part instanceof PartEvent.RpmOccupancy occupancy) {
                at(clock, occupancy.atMillis(), () -> occupy(occupancy));
            } else if (part instanceof PartEvent.XrayImage image) {
                at(xrayThread, image.deliverMillis(), () -> store(image));
            }
        }
        if (settings.vehicles() != 0 && planned.size() >= settings.vehicles()) {
            planningDone = true;
            partDone();
            return;
        }
        VehiclePassage next = scenario.next();
        long delay = delayNanos(next.truth().arrivalMillis()) - PLAN_AHEAD_NANOS;
        clock.schedule(() -> plan(next), Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void sendRead(PartEvent.OcrRead read) {
        try {
            OcrPortal.Delivery delivery = ocrPortal.send(OcrReads.portalRead(settings, read, wallInstant(read.atMillis())));
            counts.ocr(delivery.stored());
            if (!delivery.stored()) {
                log.warn("lane={} vehicle={} reason=ocr-read-refused status={}", settings.lane(), read.vehicle(),
                        delivery.status());
            }
        } catch (IOException e) {
            counts.ocr(false);
            log.warn("lane={} vehicle={} reason=ocr-read-not-sent detail={}", settings.lane(), read.vehicle(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void occupy(PartEvent.RpmOccupancy occupancy) {
        boolean started = radiationPortal.occupy(settings.lane(), occupancy.durationMillis(), occupancy.gammaAlarm());
        counts.occupancy(started);
    }

    private void store(PartEvent.XrayImage image) {
        boolean stored = scanner.store(image, wallInstant(image.atMillis()));
        counts.image(stored);
    }

    /** Runs {@code action} on {@code executor} at the wall time of scenario time {@code scenarioMillis}. */
    private void at(ScheduledExecutorService executor, long scenarioMillis, Runnable action) {
        executor.schedule(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.warn("lane={} reason=part-not-played detail={}", settings.lane(), e.toString());
            } finally {
                partDone();
            }
        }, Math.max(0, delayNanos(scenarioMillis)), TimeUnit.NANOSECONDS);
    }

    private void partDone() {
        if (outstanding.decrementAndGet() < 0 && planningDone) {
            log.info("lane={} event=lane-run-played {}", settings.lane(), counts.snapshot());
            played.countDown();
        }
    }

    private void writeTruth(VehicleTruth truth) {
        if (truthLog == null) {
            return;
        }
        try {
            truthLog.write(VehicleTruthLog.line(truth));
            truthLog.write('\n');
            truthLog.flush();
        } catch (IOException e) {
            log.warn("lane={} vehicle={} reason=truth-log-not-written file={} detail={}", settings.lane(),
                    truth.vehicle(), settings.truthLog(), e.toString());
        }
    }

    private long delayNanos(long scenarioMillis) {
        return originNanos + scaledNanos(scenarioMillis) - System.nanoTime();
    }

    private long scaledNanos(long scenarioMillis) {
        return Math.round(scenarioMillis * 1e6 / settings.acceleration());
    }

    private static ThreadFactory named(String device) {
        return runnable -> {
            Thread thread = new Thread(runnable, "lane-run-" + device);
            thread.setDaemon(true);
            return thread;
        };
    }
}
