package io.scangate.driver.n42;

import io.scangate.driver.n42.N42Document.GrossCounts;
import io.scangate.driver.n42.N42Document.Measurement;
import io.scangate.driver.n42.N42Document.SpectrumData;
import io.scangate.proto.v1.EnergyCalibration;
import io.scangate.proto.v1.Spectrum;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One RadMeasurement with its times converted, and the pieces of the contract built from it. */
final class MeasurementParts {

    final Measurement source;
    final String where;
    final Instant start;
    final Duration realTime;

    MeasurementParts(Measurement source, List<N42Problem> problems) {
        this.source = source;
        this.where = "RadMeasurement " + (source.id == null ? "(no id)" : source.id);
        this.start = N42Times.instant(source.startDateTime, where + " StartDateTime", problems);
        this.realTime = N42Times.duration(source.realTime, where + " RealTimeDuration", problems);
    }

    boolean isClass(String classCode) {
        return classCode.equalsIgnoreCase(source.classCode == null ? "" : source.classCode);
    }

    /** OccupancyIndicator is an xs:boolean: {@code true} or {@code 1}. */
    boolean occupied() {
        return "true".equalsIgnoreCase(source.occupancy) || "1".equals(source.occupancy);
    }

    /**
     * One value per detector, in the given order: the device's gross counts when it sent them, otherwise
     * the sum of that detector's spectrum; null where the measurement has neither.
     */
    List<Long> counts(List<String> detectors) {
        List<Long> values = new ArrayList<>(detectors.size());
        for (String detector : detectors) {
            values.add(count(detector));
        }
        return values;
    }

    private Long count(String detector) {
        for (GrossCounts counts : source.grossCounts) {
            if (counts.total != null && detector.equals(counts.detector)) {
                return Math.round(counts.total);
            }
        }
        for (SpectrumData spectrum : source.spectra) {
            if (spectrum.channels != null && detector.equals(spectrum.detector)) {
                long sum = 0;
                for (int channel : spectrum.channels) {
                    sum += Integer.toUnsignedLong(channel);
                }
                return sum;
            }
        }
        return null;
    }

    /** The spectra with usable channel data; a calibration reference that resolves to nothing is reported. */
    List<Spectrum> spectra(Map<String, double[]> calibrations, List<N42Problem> problems) {
        List<Spectrum> spectra = new ArrayList<>(source.spectra.size());
        for (SpectrumData data : source.spectra) {
            if (data.channels == null) {
                continue;
            }
            Spectrum.Builder spectrum = Spectrum.newBuilder().setDetector(Detectors.label(data.detector));
            Duration live = N42Times.duration(data.liveTime, where + " Spectrum " + data.id + " LiveTimeDuration",
                    problems);
            if (live != null) {
                spectrum.setLiveTime(N42Times.proto(live));
            }
            if (realTime != null) {
                spectrum.setRealTime(N42Times.proto(realTime));
            }
            for (int channel : data.channels) {
                spectrum.addChannelCounts(channel);
            }
            if (data.calibration != null) {
                double[] coefficients = calibrations.get(data.calibration);
                if (coefficients == null) {
                    problems.add(new N42Problem("unknown_reference", where + " Spectrum " + data.id
                            + " refers to EnergyCalibration '" + data.calibration + "', which the document lacks"));
                } else {
                    EnergyCalibration.Builder calibration = EnergyCalibration.newBuilder();
                    for (double coefficient : coefficients) {
                        calibration.addCoefficients(coefficient);
                    }
                    spectrum.setCalibration(calibration);
                }
            }
            spectra.add(spectrum.build());
        }
        return spectra;
    }
}
