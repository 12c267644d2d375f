package io.scangate.driver.n42;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a document says about its spectra, read with the JDK's DOM parser and decompressed here, sharing
 * nothing with the driver's reader: the second opinion of the golden test.
 */
final class IndependentN42 {

    private static final String N42 = "http://physics.nist.gov/N42/2011/N42";

    private IndependentN42() {
    }

    /** One line per spectrum: detector, channel count, sum of counts, live and real time in seconds. */
    static List<String> spectra(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        Document document = builder.parse(new ByteArrayInputStream(bytes));
        List<String> lines = new ArrayList<>();
        NodeList measurements = document.getElementsByTagNameNS(N42, "RadMeasurement");
        for (int m = 0; m < measurements.getLength(); m++) {
            Element measurement = (Element) measurements.item(m);
            double realTime = seconds(childText(measurement, "RealTimeDuration"));
            for (Node child = measurement.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element spectrum && N42.equals(spectrum.getNamespaceURI())
                        && spectrum.getLocalName().equals("Spectrum")) {
                    Element data = (Element) spectrum.getElementsByTagNameNS(N42, "ChannelData").item(0);
                    long[] channels = channels(data.getTextContent(), data.getAttribute("compressionCode"));
                    long sum = 0;
                    for (long channel : channels) {
                        sum += channel;
                    }
                    lines.add(describe(spectrum.getAttribute("radDetectorInformationReference"), channels.length, sum,
                            seconds(childText(spectrum, "LiveTimeDuration")), realTime));
                }
            }
        }
        return lines;
    }

    static String describe(String detector, int channels, long sum, double liveTime, double realTime) {
        return String.format(Locale.ROOT, "%s channels=%d sum=%d live=%.6f real=%.6f", detector, channels, sum,
                liveTime, realTime);
    }

    /** Plain list, or CountedZeroes: a zero is followed by the number of zero channels it stands for. */
    static long[] channels(String text, String compression) {
        String[] tokens = text.trim().split("\\s+");
        List<Long> values = new ArrayList<>();
        boolean counted = "CountedZeroes".equals(compression);
        for (int i = 0; i < tokens.length; i++) {
            long value = Math.round(Double.parseDouble(tokens[i]));
            if (counted && value == 0) {
                long zeros = Math.round(Double.parseDouble(tokens[++i]));
                for (long z = 0; z < zeros; z++) {
                    values.add(0L);
                }
            } else {
                values.add(value);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static String childText(Element parent, String name) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && name.equals(element.getLocalName())) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static double seconds(String isoDuration) {
        if (isoDuration == null) {
            return 0;
        }
        Duration duration = Duration.parse(isoDuration);
        return duration.getSeconds() + duration.getNano() / 1e9;
    }
}
