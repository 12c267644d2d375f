package io.scangate.simulator.n42;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads N42.42-2011 documents back with nothing but the JDK's DOM parser (no DTDs), and checks the shape the
 * standard requires of what the simulator and the golden files use. Shares no code with the writer or the
 * driver.
 */
final class N42Xml {

    static final String N42 = "http://physics.nist.gov/N42/2011/N42";
    static final Set<String> CLASS_CODES = Set.of("Foreground", "Background", "Calibration", "IntrinsicActivity",
            "NotSpecified");
    static final Set<String> ALARM_CATEGORIES = Set.of("Neutron", "Gamma", "Alpha", "Beta", "Isotope", "Other");

    record Spectrum(String detector, String calibration, Duration liveTime, long[] channels) {
        long sum() {
            long sum = 0;
            for (long channel : channels) {
                sum += channel;
            }
            return sum;
        }
    }

    record Measurement(String id, String classCode, Instant start, Duration realTime, List<Spectrum> spectra,
                       Map<String, Long> grossCounts, Boolean occupied) {
    }

    record Parsed(String uuid, List<String> detectors, Map<String, double[]> calibrations,
                  List<Measurement> measurements, List<String> alarmCategories, Map<String, Integer> nuclides) {
    }

    private N42Xml() {
    }

    static Document dom(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        return builder.parse(new ByteArrayInputStream(bytes));
    }

    /** Parses and checks; throws AssertionError naming the first thing that is not N42 as used here. */
    static Parsed parse(byte[] bytes) throws Exception {
        Element root = dom(bytes).getDocumentElement();
        require(N42.equals(root.getNamespaceURI()) && "RadInstrumentData".equals(root.getLocalName()),
                "root must be {" + N42 + "}RadInstrumentData, is {" + root.getNamespaceURI() + "}" + root.getLocalName());
        List<String> detectors = new ArrayList<>();
        Map<String, double[]> calibrations = new LinkedHashMap<>();
        List<Measurement> measurements = new ArrayList<>();
        List<String> alarms = new ArrayList<>();
        Map<String, Integer> nuclides = new LinkedHashMap<>();
        for (Element child : children(root)) {
            if (!N42.equals(child.getNamespaceURI())) {
                continue;
            }
            switch (child.getLocalName()) {
                case "RadDetectorInformation" -> detectors.add(required(child.getAttribute("id"), "detector id"));
                case "EnergyCalibration" -> calibrations.put(child.getAttribute("id"),
                        doubles(text(child, "CoefficientValues")));
                case "RadMeasurement" -> measurements.add(measurement(child));
                case "AnalysisResults" -> analysis(child, alarms, nuclides);
                default -> {
                }
            }
        }
        for (Measurement measurement : measurements) {
            for (Spectrum spectrum : measurement.spectra()) {
                require(spectrum.calibration() == null || calibrations.containsKey(spectrum.calibration()),
                        "spectrum refers to missing calibration " + spectrum.calibration());
            }
        }
        return new Parsed(root.getAttribute("n42DocUUID"), detectors, calibrations, measurements, alarms, nuclides);
    }

    private static Measurement measurement(Element element) {
        String classCode = text(element, "MeasurementClassCode");
        require(CLASS_CODES.contains(classCode), "MeasurementClassCode '" + classCode + "'");
        String start = text(element, "StartDateTime");
        String realTime = text(element, "RealTimeDuration");
        String occupancy = text(element, "OccupancyIndicator");
        List<Spectrum> spectra = new ArrayList<>();
        Map<String, Long> gross = new LinkedHashMap<>();
        for (Element child : children(element)) {
            if ("Spectrum".equals(child.getLocalName())) {
                Element data = child(child, "ChannelData");
                require(data != null, "Spectrum without ChannelData");
                String live = text(child, "LiveTimeDuration");
                spectra.add(new Spectrum(child.getAttribute("radDetectorInformationReference"),
                        child.hasAttribute("energyCalibrationReference")
                                ? child.getAttribute("energyCalibrationReference") : null,
                        live == null ? null : Duration.parse(live),
                        channels(data.getTextContent(), data.getAttribute("compressionCode"))));
            } else if ("GrossCounts".equals(child.getLocalName())) {
                long total = 0;
                for (double value : doubles(text(child, "CountData"))) {
                    total += Math.round(value);
                }
                gross.put(child.getAttribute("radDetectorInformationReference"), total);
            }
        }
        return new Measurement(element.getAttribute("id"), classCode,
                start == null ? null : dateTime(start),
                realTime == null ? null : Duration.parse(realTime), spectra, gross,
                occupancy == null ? null : Boolean.parseBoolean(occupancy));
    }

    /** xs:dateTime; the zone is optional in XML Schema, and a time without one is read as UTC here. */
    private static Instant dateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutZone) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static void analysis(Element element, List<String> alarms, Map<String, Integer> nuclides) {
        for (Element child : children(element)) {
            if ("RadAlarm".equals(child.getLocalName())) {
                String category = text(child, "RadAlarmCategoryCode");
                require(ALARM_CATEGORIES.contains(category), "RadAlarmCategoryCode '" + category + "'");
                alarms.add(category);
            } else if ("NuclideAnalysisResults".equals(child.getLocalName())) {
                for (Element nuclide : children(child)) {
                    String confidence = text(nuclide, "NuclideIDConfidenceValue");
                    nuclides.put(text(nuclide, "NuclideName"),
                            confidence == null ? null : (int) Math.round(Double.parseDouble(confidence)));
                }
            }
        }
    }

    /** A zero followed by how many zero channels it stands for, under CountedZeroes. */
    static long[] channels(String text, String compression) {
        String[] tokens = text.trim().split("\\s+");
        List<Long> values = new ArrayList<>();
        boolean counted = "CountedZeroes".equals(compression);
        require(compression.isEmpty() || counted || "None".equals(compression), "compressionCode " + compression);
        for (int i = 0; i < tokens.length; i++) {
            double value = Double.parseDouble(tokens[i]);
            require(value >= 0, "negative channel count " + tokens[i]);
            if (counted && value == 0) {
                require(i + 1 < tokens.length, "CountedZeroes ends with 0");
                long zeros = Math.round(Double.parseDouble(tokens[++i]));
                for (long z = 0; z < zeros; z++) {
                    values.add(0L);
                }
            } else {
                values.add(Math.round(value));
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static double[] doubles(String text) {
        require(text != null, "number list missing");
        String[] tokens = text.trim().split("\\s+");
        double[] values = new double[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            values[i] = Double.parseDouble(tokens[i]);
        }
        return values;
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }

    private static Element child(Element parent, String localName) {
        for (Element element : children(parent)) {
            if (N42.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static String text(Element parent, String localName) {
        Element element = child(parent, localName);
        return element == null ? null : element.getTextContent().trim();
    }

    private static String required(String value, String what) {
        require(value != null && !value.isEmpty(), what + " missing");
        return value;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new AssertionError("not N42.42-2011 as expected: " + problem);
        }
    }
}
