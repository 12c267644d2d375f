package io.scangate.simulator.n42;

import io.scangate.simulator.n42.SimulatedDocument.GammaSpectrum;
import io.scangate.simulator.n42.SimulatedDocument.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes ANSI N42.42-2011 documents (namespace {@value #NAMESPACE}) as a spectroscopic portal sends them:
 * instrument and detector information, one energy calibration, one RadMeasurement with a spectrum per gamma
 * panel and gross counts per neutron panel, and for an alarm the AnalysisResults (a Gamma RadAlarm and the
 * identified nuclide). Written from the standard, independently of the driver. UTF-8, no DTD.
 */
public final class N42DocumentWriter {

    public static final String NAMESPACE = "http://physics.nist.gov/N42/2011/N42";
    public static final String CALIBRATION_ID = "ec-nai";

    private final String instrumentId;
    private final List<String> gammaDetectors;
    private final List<String> neutronDetectors;
    private final boolean countedZeroes;

    /**
     * @param instrumentId     RadInstrumentIdentifier, e.g. the lane
     * @param gammaDetectors   ids of the gamma panels, in order
     * @param neutronDetectors ids of the neutron panels, in order
     * @param countedZeroes    write ChannelData with {@code compressionCode="CountedZeroes"}
     */
    public N42DocumentWriter(String instrumentId, List<String> gammaDetectors, List<String> neutronDetectors,
                             boolean countedZeroes) {
        this.instrumentId = instrumentId;
        this.gammaDetectors = List.copyOf(gammaDetectors);
        this.neutronDetectors = List.copyOf(neutronDetectors);
        this.countedZeroes = countedZeroes;
    }

    public byte[] write(SimulatedDocument document) {
        StringBuilder xml = new StringBuilder(16_384);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<RadInstrumentData xmlns=\"").append(NAMESPACE).append("\" n42DocUUID=\"")
                .append(escape(document.uuid())).append("\" n42DocDateTime=\"")
                .append(document.start().plus(document.realTime())).append("\">\n");
        instrument(xml);
        xml.append("  <EnergyCalibration id=\"").append(CALIBRATION_ID).append("\">\n    <CoefficientValues>0 ")
                .append(decimal(SpectrumModel.KEV_PER_CHANNEL)).append("</CoefficientValues>\n  </EnergyCalibration>\n");
        measurement(xml, document);
        if (document.kind() == Kind.ALARM) {
            analysis(xml, document);
        }
        xml.append("</RadInstrumentData>\n");
        return xml.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void instrument(StringBuilder xml) {
        xml.append("  <RadInstrumentInformation id=\"instrument\">\n")
                .append("    <RadInstrumentManufacturerName>scangate simulator</RadInstrumentManufacturerName>\n")
                .append("    <RadInstrumentIdentifier>").append(escape(instrumentId)).append("</RadInstrumentIdentifier>\n")
                .append("    <RadInstrumentModelName>Simulated spectroscopic portal</RadInstrumentModelName>\n")
                .append("    <RadInstrumentClassCode>Spectroscopic Portal Monitor</RadInstrumentClassCode>\n")
                .append("  </RadInstrumentInformation>\n");
        for (String id : gammaDetectors) {
            detector(xml, id, "Gamma", "NaI");
        }
        for (String id : neutronDetectors) {
            detector(xml, id, "Neutron", "He3");
        }
    }

    private static void detector(StringBuilder xml, String id, String category, String kind) {
        xml.append("  <RadDetectorInformation id=\"").append(escape(id)).append("\">\n")
                .append("    <RadDetectorCategoryCode>").append(category).append("</RadDetectorCategoryCode>\n")
                .append("    <RadDetectorKindCode>").append(kind).append("</RadDetectorKindCode>\n")
                .append("  </RadDetectorInformation>\n");
    }

    private void measurement(StringBuilder xml, SimulatedDocument document) {
        String id = "m-" + escape(document.uuid());
        boolean background = document.kind() == Kind.BACKGROUND;
        xml.append("  <RadMeasurement id=\"").append(id).append("\">\n")
                .append("    <MeasurementClassCode>").append(background ? "Background" : "Foreground")
                .append("</MeasurementClassCode>\n")
                .append("    <StartDateTime>").append(document.start()).append("</StartDateTime>\n")
                .append("    <RealTimeDuration>").append(duration(document.realTime())).append("</RealTimeDuration>\n");
        for (GammaSpectrum spectrum : document.spectra()) {
            xml.append("    <Spectrum id=\"").append(id).append('-').append(escape(spectrum.detector()))
                    .append("\" radDetectorInformationReference=\"").append(escape(spectrum.detector()))
                    .append("\" energyCalibrationReference=\"").append(CALIBRATION_ID).append("\">\n")
                    .append("      <LiveTimeDuration>").append(duration(spectrum.liveTime())).append("</LiveTimeDuration>\n")
                    .append("      <ChannelData");
            if (countedZeroes) {
                xml.append(" compressionCode=\"CountedZeroes\"");
            }
            xml.append('>');
            channels(xml, spectrum.channels());
            xml.append("</ChannelData>\n    </Spectrum>\n");
        }
        for (Map.Entry<String, Long> counts : new TreeMap<>(document.neutronCounts()).entrySet()) {
            xml.append("    <GrossCounts id=\"").append(id).append('-').append(escape(counts.getKey()))
                    .append("\" radDetectorInformationReference=\"").append(escape(counts.getKey())).append("\">\n")
                    .append("      <LiveTimeDuration>").append(duration(document.realTime())).append("</LiveTimeDuration>\n")
                    .append("      <CountData>").append(counts.getValue()).append("</CountData>\n")
                    .append("    </GrossCounts>\n");
        }
        xml.append("    <OccupancyIndicator>").append(!background).append("</OccupancyIndicator>\n")
                .append("  </RadMeasurement>\n");
    }

    private static void analysis(StringBuilder xml, SimulatedDocument document) {
        xml.append("  <AnalysisResults>\n")
                .append("    <RadAlarm>\n")
                .append("      <RadAlarmDateTime>").append(document.start().plus(document.realTime().dividedBy(2)))
                .append("</RadAlarmDateTime>\n")
                .append("      <RadAlarmCategoryCode>Gamma</RadAlarmCategoryCode>\n")
                .append("      <RadAlarmDescription>Gamma alarm</RadAlarmDescription>\n")
                .append("    </RadAlarm>\n")
                .append("    <NuclideAnalysisResults>\n      <Nuclide>\n")
                .append("        <NuclideIdentifiedIndicator>true</NuclideIdentifiedIndicator>\n")
                .append("        <NuclideName>").append(escape(document.nuclide())).append("</NuclideName>\n")
                .append("        <NuclideIDConfidenceValue>").append(document.confidence())
                .append("</NuclideIDConfidenceValue>\n")
                .append("        <NuclideCategoryDescription>Industrial</NuclideCategoryDescription>\n")
                .append("      </Nuclide>\n    </NuclideAnalysisResults>\n")
                .append("  </AnalysisResults>\n");
    }

    /** Plain, or CountedZeroes: each run of zeros as a 0 followed by the length of the run. */
    private void channels(StringBuilder xml, int[] channels) {
        int i = 0;
        boolean first = true;
        while (i < channels.length) {
            if (!first) {
                xml.append(' ');
            }
            first = false;
            if (countedZeroes && channels[i] == 0) {
                int run = 0;
                while (i < channels.length && channels[i] == 0) {
                    run++;
                    i++;
                }
                xml.append("0 ").append(run);
            } else {
                xml.append(Integer.toUnsignedString(channels[i]));
                i++;
            }
        }
    }

    /** xs:duration in seconds, e.g. {@code PT210S} or {@code PT2.5S}. */
    static String duration(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
        return "PT" + seconds.stripTrailingZeros().toPlainString() + "S";
    }

    private static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c < 0x20 ? ' ' : c);
            }
        }
        return escaped.toString();
    }
}
