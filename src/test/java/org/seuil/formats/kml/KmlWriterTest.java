package org.seuil.formats.kml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.GdalTools;
import org.seuil.formats.SyntheticPlaces;
import org.w3c.dom.Document;

class KmlWriterTest {
    @TempDir
    Path dir;

    private Path write(List<PlaceRecord> places) throws Exception {
        Path kml = dir.resolve("places.kml");
        try (KmlWriter writer = KmlWriter.create(kml, "Seuil places")) {
            places.forEach(writer);
        }
        return kml;
    }

    @Test
    void ogrinfoOpensTheKmlAndCountsEveryPlacemark() throws Exception {
        Path kml = write(SyntheticPlaces.monaco(120, 5));
        String summary = GdalTools.run("ogrinfo", "-ro", "-so", "-al", kml.toString());
        assertTrue(summary.contains("Feature Count: 120"), summary);
        assertTrue(summary.contains("Geometry: Point") || summary.contains("Geometry: Unknown"), summary);
        assertTrue(summary.contains("ID[\"EPSG\",4326]"), summary);
    }

    @Test
    void libkmlReadsTheExtendedDataAndTheGradeStyle() throws Exception {
        PlaceRecord eleventh = SyntheticPlaces.monaco(20, 5).get(11);
        Path kml = write(SyntheticPlaces.monaco(20, 5));
        String feature = GdalTools.run("ogrinfo", "-ro", "-al", "-where", "id = '" + eleventh.place().id().value() + "'",
                kml.toString());
        assertTrue(feature.contains("Name (String) = Café n°11 \"<&>\""), feature);
        assertTrue(feature.contains("wheelchair (String) = limited"), feature);
        assertTrue(feature.contains("step_count (String) = 3") || feature.contains("step_count (Integer) = 3"), feature);
        assertTrue(feature.contains("door_width_m (String) = 0.8"), feature);
        assertTrue(feature.contains("POINT (" + String.format(java.util.Locale.ROOT, "%.7f", eleventh.place().location().lon())), feature);
    }

    @Test
    void theDocumentIsWellFormedKml22WithOneStylePerShownGrade() throws Exception {
        Path kml = write(SyntheticPlaces.monaco(10, 5));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(kml.toFile());
        assertEquals("http://www.opengis.net/kml/2.2", doc.getDocumentElement().getNamespaceURI());
        assertEquals(4, doc.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "Style").getLength());
        var placemarks = doc.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "Placemark");
        assertEquals(10, placemarks.getLength());
        // Place 2 is graded yes, place 3 designated (shown as yes), place 4 unknown, place 1 limited.
        String[] expected = {null, "#wheelchair-limited", "#wheelchair-yes", "#wheelchair-yes", "#wheelchair-unknown"};
        for (int i = 1; i <= 4; i++) {
            var placemark = (org.w3c.dom.Element) placemarks.item(i);
            assertEquals(expected[i], placemark.getElementsByTagNameNS("http://www.opengis.net/kml/2.2", "styleUrl").item(0).getTextContent());
        }
    }
}
