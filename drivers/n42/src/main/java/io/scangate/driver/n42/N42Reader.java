package io.scangate.driver.n42;

import io.scangate.driver.n42.N42Document.Alarm;
import io.scangate.driver.n42.N42Document.Detector;
import io.scangate.driver.n42.N42Document.DoseRate;
import io.scangate.driver.n42.N42Document.GrossCounts;
import io.scangate.driver.n42.N42Document.Measurement;
import io.scangate.driver.n42.N42Document.Nuclide;
import io.scangate.driver.n42.N42Document.SpectrumData;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams one document with the JDK's StAX parser into an {@link N42Document}. Hardened: DTDs are not
 * supported and a document that has one is refused before any entity is read or expanded, external
 * entities and resolvers are off, nesting is bounded; the document size is bounded by the framing.
 * Lenient: elements it does not know (vendor namespaces, parts of the standard not in the contract) are
 * flattened into {@link N42Document#unmapped}, never an error.
 */
final class N42Reader extends XmlWalker {

    static final String NAMESPACE = "http://physics.nist.gov/N42/2011/N42";
    static final String ROOT = "RadInstrumentData";

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(N42Reader::hardenedFactory);

    private final N42Config limits;
    private final N42Document document;

    private N42Reader(XMLStreamReader xml, N42Config limits, N42Document document) {
        super(xml, NAMESPACE, limits.maxElementDepth(), limits.maxUnmappedItems(), document.unmapped);
        this.limits = limits;
        this.document = document;
    }

    static N42Document read(byte[] bytes, N42Config limits) throws N42FormatException {
        if (Utf8.expected(bytes)) {
            int invalid = Utf8.firstInvalid(bytes);
            if (invalid >= 0) {
                throw new N42FormatException("malformed_document", "not UTF-8 at byte " + invalid + " (0x"
                        + Integer.toHexString(bytes[invalid] & 0xFF).toUpperCase(Locale.ROOT) + ")");
            }
        }
        XMLStreamReader xml;
        try {
            xml = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(bytes));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
        try {
            return new N42Reader(xml, limits, new N42Document()).root();
        } catch (XMLStreamException e) {
            throw malformed(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // closing a reader over a byte array releases nothing that matters
            }
        }
    }

    private static XMLInputFactory hardenedFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        });

        return factory;
    }

    private static N42FormatException malformed(XMLStreamException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage().replace('\n', ' ');
        return new N42FormatException("malformed_document", Printable.abbreviate(message, 300));
    }

    private N42Document root() throws XMLStreamException, N42FormatException {
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw dtdRefused();
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                break;
            }
            if (event == XMLStreamConstants.END_DOCUMENT) {
                throw new N42FormatException("not_n42", "the document has no root element");
            }
        }
        if (!ROOT.equals(xml.getLocalName()) || !NAMESPACE.equals(xml.getNamespaceURI())) {
            throw new N42FormatException("not_n42", "root element is {" + xml.getNamespaceURI() + "}"
                    + xml.getLocalName() + ", not {" + NAMESPACE + "}" + ROOT);
        }
        document.uuid = attribute("n42DocUUID");
        document.dateTime = attribute("n42DocDateTime");
        enter(ROOT);
        children(this::rootChild);
        leave();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.DTD) {
                throw dtdRefused();
            }
        }
        if (unmappedOmitted() > 0) {
            document.problems.add(new N42Problem("unmapped_truncated", unmappedOmitted()
                    + " unmapped items over maxUnmappedItems " + limits.maxUnmappedItems() + " not kept"));
        }
        return document;
    }

    private static N42FormatException dtdRefused() {
        return new N42FormatException("dtd_not_allowed",
                "the document has a DOCTYPE; DTDs and entities are refused unread (XXE, entity expansion)");
    }

    private void rootChild(String name) throws XMLStreamException, N42FormatException {
        switch (name) {
            case "RadInstrumentInformation" -> container(name, this::instrumentChild);
            case "RadDetectorInformation" -> {
                Detector detector = new Detector(attribute("id"));
                document.detectors.add(detector);
                container(name + idSuffix(detector.id), child -> detectorChild(detector, child));
            }
            case "EnergyCalibration" -> calibration();
            case "RadMeasurement" -> measurement();
            case "AnalysisResults" -> {
                document.hasAnalysisResults = true;
                container(name, this::analysisChild);
            }
            default -> unmapped();
        }
    }

    private void instrumentChild(String name) throws XMLStreamException, N42FormatException {
        switch (name) {
            case "RadInstrumentManufacturerName" -> document.instrument.put("manufacturer", leafText());
            case "RadInstrumentModelName" -> document.instrument.put("model", leafText());
            case "RadInstrumentIdentifier" -> document.instrument.put("identifier", leafText());
            case "RadInstrumentDescription" -> document.instrument.put("description", leafText());
            case "RadInstrumentClassCode" -> document.instrument.put("classCode", leafText());
            case "RadInstrumentVersion" -> {
                String[] component = new String[2];
                container(name, child -> {
                    switch (child) {
                        case "RadInstrumentComponentName" -> component[0] = leafText();
                        case "RadInstrumentComponentVersion" -> component[1] = leafText();
                        default -> unmapped();
                    }
                });
                document.instrument.put("version." + (component[0] == null ? "unnamed" : component[0]),
                        component[1] == null ? "" : component[1]);
            }
            default -> unmapped();
        }
    }

    private void detectorChild(Detector detector, String name) throws XMLStreamException, N42FormatException {
        switch (name) {
            case "RadDetectorCategoryCode" -> detector.category = leafText();
            case "RadDetectorKindCode" -> detector.kind = leafText();
            case "RadDetectorName" -> detector.name = leafText();
            case "RadDetectorDescription" -> detector.description = leafText();
            default -> unmapped();
        }
    }

    private void calibration() throws XMLStreamException, N42FormatException {
        String id = attribute("id");
        container("EnergyCalibration" + idSuffix(id), child -> {
            if (!"CoefficientValues".equals(child)) {
                unmapped();
                return;
            }
            try {
                document.calibrations.put(id, NumberList.doubles(leafChars()));
            } catch (NumberList.BadNumbers e) {
                document.problems.add(new N42Problem(e.reason(), "EnergyCalibration " + id + ": " + e.getMessage()));
            }
        });
    }

    private void measurement() throws XMLStreamException, N42FormatException {
        Measurement measurement = new Measurement(attribute("id"));
        document.measurements.add(measurement);
        container("RadMeasurement" + idSuffix(measurement.id), name -> {
            switch (name) {
                case "MeasurementClassCode" -> measurement.classCode = leafText();
                case "StartDateTime" -> measurement.startDateTime = leafText();
                case "RealTimeDuration" -> measurement.realTime = leafText();
                case "OccupancyIndicator" -> measurement.occupancy = leafText();
                case "Spectrum" -> measurement.spectra.add(spectrum());
                case "GrossCounts" -> measurement.grossCounts.add(grossCounts());
                case "DoseRate" -> doseRate(measurement);
                default -> unmapped();
            }
        });
    }

    private SpectrumData spectrum() throws XMLStreamException, N42FormatException {
        SpectrumData spectrum = new SpectrumData(attribute("id"), attribute("radDetectorInformationReference"),
                attribute("energyCalibrationReference"));
        container("Spectrum" + idSuffix(spectrum.id), name -> {
            switch (name) {
                case "LiveTimeDuration" -> spectrum.liveTime = leafText();
                case "ChannelData" -> {
                    String compression = attribute("compressionCode");
                    try {
                        spectrum.channels = NumberList.channels(leafChars(), compression,
                                limits.maxChannelsPerSpectrum());
                    } catch (NumberList.BadNumbers e) {
                        document.problems.add(new N42Problem(e.reason(), "Spectrum " + spectrum.id
                                + " dropped: " + e.getMessage()));
                    }
                }
                default -> unmapped();
            }
        });
        return spectrum;
    }

    private GrossCounts grossCounts() throws XMLStreamException, N42FormatException {
        GrossCounts counts = new GrossCounts(attribute("radDetectorInformationReference"));
        container("GrossCounts" + idSuffix(counts.detector), name -> {
            switch (name) {
                case "LiveTimeDuration" -> counts.liveTime = leafText();
                case "CountData" -> {
                    try {
                        double total = 0;
                        for (double value : NumberList.doubles(leafChars())) {
                            total += value;
                        }
                        if (total < 0 || total > 0xFFFF_FFFFL) {
                            throw new NumberList.BadNumbers("bad_number", "count " + total
                                    + " is negative or above 4294967295");
                        }
                        counts.total = total;
                    } catch (NumberList.BadNumbers e) {
                        document.problems.add(new N42Problem(e.reason(), "GrossCounts of " + counts.detector
                                + ": " + e.getMessage()));
                    }
                }
                default -> unmapped();
            }
        });
        return counts;
    }

    private void doseRate(Measurement measurement) throws XMLStreamException, N42FormatException {
        String detector = attribute("radDetectorInformationReference");
        container("DoseRate" + idSuffix(detector), name -> {
            if ("DoseRateValue".equals(name)) {
                measurement.doseRates.add(new DoseRate(detector, leafText()));
            } else {
                unmapped();
            }
        });
    }

    private void analysisChild(String name) throws XMLStreamException, N42FormatException {
        switch (name) {
            case "RadAlarm" -> {
                Alarm alarm = new Alarm();
                document.alarms.add(alarm);
                container(name, child -> {
                    switch (child) {
                        case "RadAlarmDateTime" -> alarm.dateTime = leafText();
                        case "RadAlarmCategoryCode" -> alarm.category = leafText();
                        case "RadAlarmDescription" -> alarm.description = leafText();
                        default -> unmapped();
                    }
                });
            }
            case "NuclideAnalysisResults" -> container(name, child -> {
                if ("Nuclide".equals(child)) {
                    nuclide();
                } else {
                    unmapped();
                }
            });
            default -> unmapped();
        }
    }

    private void nuclide() throws XMLStreamException, N42FormatException {
        Nuclide nuclide = new Nuclide();
        document.nuclides.add(nuclide);
        container("Nuclide", name -> {
            switch (name) {
                case "NuclideName" -> nuclide.name = leafText();
                case "NuclideIdentifiedIndicator" -> nuclide.identified = leafText();
                case "NuclideIDConfidenceValue" -> nuclide.confidenceValue = leafText();
                case "NuclideIDConfidenceIndication", "NuclideIDConfidenceDescription", "IDConfidence" ->
                        nuclide.confidenceText = leafText();
                case "NuclideCategoryDescription" -> nuclide.category = leafText();
                default -> unmapped();
            }
        });
    }

    private static String idSuffix(String id) {
        return id == null ? "" : "[" + id + "]";
    }
}
