package org.seuil.formats.kml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;

/**
 * Streams places into a KML 2.2 document for Google Earth and GIS tools: one Placemark per place,
 * styled by its wheelchair grade (Okabe-Ito colours, told apart by people with colour-vision
 * deficiencies; designated is shown as yes), with the same fields as the GeoPackage's
 * {@code places} layer in its ExtendedData. The StAX writer escapes every text.
 */
public final class KmlWriter implements Consumer<PlaceRecord>, AutoCloseable {
    private static final String KML = "http://www.opengis.net/kml/2.2";

    private final OutputStream out;
    private final XMLStreamWriter xml;
    private long placemarks;

    private KmlWriter(OutputStream out, XMLStreamWriter xml) {
        this.out = out;
        this.xml = xml;
    }

    public static KmlWriter create(Path file, String documentName) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("kml");
            xml.writeDefaultNamespace(KML);
            xml.writeStartElement("Document");
            element(xml, "name", documentName);
            for (Accessibility grade : new Accessibility[] {Accessibility.YES, Accessibility.LIMITED, Accessibility.NO, Accessibility.UNKNOWN}) {
                xml.writeStartElement("Style");
                xml.writeAttribute("id", styleId(grade));
                xml.writeStartElement("IconStyle");
                element(xml, "color", kmlColour(grade));
                element(xml, "scale", "1.1");
                xml.writeEndElement();
                xml.writeStartElement("LabelStyle");
                element(xml, "scale", "0.8");
                xml.writeEndElement();
                xml.writeEndElement();
            }
            return new KmlWriter(out, xml);
        } catch (XMLStreamException e) {
            out.close();
            throw new IOException(file + ": cannot write KML: " + e.getMessage(), e);
        }
    }

    /** The style of each shown grade: {@code wheelchair-yes}, {@code -limited}, {@code -no}, {@code -unknown}. */
    static String styleId(Accessibility grade) {
        return "wheelchair-" + grade.shown().osm();
    }

    /** KML colours are aabbggrr. Okabe-Ito bluish green, orange, vermillion, and grey. */
    static String kmlColour(Accessibility grade) {
        return switch (grade.shown()) {
            case YES -> "ff739e00";
            case LIMITED -> "ff009fe6";
            case NO -> "ff005ed5";
            default -> "ff999999";
        };
    }

    @Override
    public void accept(PlaceRecord record) {
        var place = record.place();
        PlaceAccessibility a = record.accessibility();
        int reports = 0;
        for (Report report : record.reports()) {
            reports += report.deleted() ? 0 : 1;
        }
        try {
            xml.writeStartElement("Placemark");
            xml.writeAttribute("id", place.id().value());
            element(xml, "name", place.displayName());
            element(xml, "styleUrl", "#" + styleId(a.wheelchair()));
            xml.writeStartElement("ExtendedData");
            data("id", place.id().value());
            data("name", place.name());
            data("category", place.category());
            data("address", place.address());
            data("wheelchair", a.wheelchair().osm());
            data("toilets_wheelchair", a.toiletsWheelchair().osm());
            Object steps = a.value(Criterion.STEP_COUNT);
            data("step_count", steps == null ? null : steps.toString());
            Object door = a.value(Criterion.DOOR_WIDTH);
            data("door_width_m", door instanceof Quantity q ? q.osm() : null);
            Instant surveyed = a.lastSurveyed();
            data("last_surveyed", surveyed == null ? null : surveyed.toString());
            data("report_count", Integer.toString(reports));
            xml.writeEndElement();
            xml.writeStartElement("Point");
            element(xml, "coordinates", String.format(Locale.ROOT, "%.7f,%.7f", place.location().lon(), place.location().lat()));
            xml.writeEndElement();
            xml.writeEndElement();
            placemarks++;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write place " + place.id() + " to KML: " + e.getMessage(), e);
        }
    }

    public long placemarks() {
        return placemarks;
    }

    /** Fields with no value are left out, as KML readers expect. */
    private void data(String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("Data");
        xml.writeAttribute("name", name);
        element(xml, "value", value);
        xml.writeEndElement();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.writeCharacters("\n");
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot finish KML: " + e.getMessage(), e);
        } finally {
            out.close();
        }
    }
}
