package org.seuil.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Criterion;
import org.seuil.domain.GeoPoint;
import org.seuil.formats.InputException;

/** The two files a person writes for a campaign: the district and the checklist. */
class AuditFilesTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultChecklistCoversTheSixAcceslibreSectionsAndSurvivesItsOwnFileFormat() {
        Checklist checklist = DefaultChecklist.get();
        for (Section section : Section.values()) {
            assertTrue(!checklist.items(section).isEmpty(), section + " has no item");
        }
        assertEquals(checklist, ChecklistFile.parse(ChecklistFile.write(checklist), "default"));
        assertTrue(checklist.items().stream().anyMatch(i -> i.criterion() == Criterion.DOOR_WIDTH && "door:width".equals(i.osmTag())));
    }

    @Test
    void aCustomChecklistIsRead() {
        Checklist c = ChecklistFile.read(AuditFixtures.resource("custom-checklist.json"));
        assertEquals("rocher-2026", c.id());
        assertEquals(4, c.items().size());
        assertEquals(Criterion.STEP_HEIGHT, c.items().get(1).criterion());
        assertEquals(AnswerKind.CHOICE, c.items().get(3).answer());
        assertEquals(3, c.items().get(3).choices().size());
    }

    @Test
    void aChecklistItemWhoseAnswerDoesNotFitItsCriterionIsRefusedNamingFileLineAndField() {
        Path file = AuditFixtures.resource("bad-checklist.json");
        InputException e = assertThrows(InputException.class, () -> ChecklistFile.read(file));
        assertEquals(file + ": line 9: items[1].answer: 'yes-no' does not fit criterion door:width, which takes length", e.getMessage());
    }

    @Test
    void checklistErrorsSayWhereForEveryKindOfMistake() throws Exception {
        assertEquals("c.json: line 3: items[0].colour: unknown field; expected id, section, question, answer, criterion, osm, a11yjson, acceslibre or choices",
                message("{\"format\": \"seuil-checklist/1\", \"id\": \"x\", \"name\": \"x\", \"items\": [\n"
                        + "{\"id\": \"a\", \"section\": \"entrance\",\n \"colour\": 1}]}"));
        assertEquals("c.json: line 2: items[0].section: unknown section 'hall', expected transport, parking, outdoor-path, entrance, reception or toilets",
                message("{\"format\": \"seuil-checklist/1\", \"id\": \"x\", \"name\": \"x\", \"items\": [\n"
                        + "{\"id\": \"a\", \"section\": \"hall\", \"question\": \"q\", \"answer\": \"count\"}]}"));
        assertEquals("c.json: line 1: format: 'seuil-checklist/9' is not seuil-checklist/1",
                message("{\"format\": \"seuil-checklist/9\", \"id\": \"x\", \"name\": \"x\", \"items\": []}"));
        assertTrue(message("{\"format\": \n\"seuil-checklist/1\",, }").startsWith("c.json: line 2: not valid JSON"));
        assertEquals("c.json: items: a checklist needs at least one item",
                message("{\"format\": \"seuil-checklist/1\", \"id\": \"x\", \"name\": \"x\", \"items\": []}"));
    }

    private static String message(String json) {
        return assertThrows(InputException.class, () -> ChecklistFile.parse(json, "c.json")).getMessage();
    }

    @Test
    void theGeoJsonAndKmlOfMonacoVilleGiveTheSameDistrict() {
        DistrictFile.Read geojson = DistrictFile.read(AuditFixtures.monacoVille());
        DistrictFile.Read kml = DistrictFile.read(AuditFixtures.resource("monaco-ville.kml"));
        assertEquals(geojson.district(), kml.district());
        assertEquals("Monaco-Ville (le Rocher)", geojson.name());
        assertEquals("Monaco-Ville (le Rocher)", kml.name());
        assertTrue(geojson.district().contains(new GeoPoint(43.7306814, 7.4255226)), "the Oceanographic Museum");
        assertTrue(!geojson.district().contains(new GeoPoint(43.7395, 7.4280)), "the Casino is across the harbour");
        double hectares = geojson.district().squareMetres() / 10_000;
        assertTrue(hectares > 15 && hectares < 30, "the rock is about 20 ha, got " + hectares);
    }

    @Test
    void aBadDistrictFeatureIsNamedWithItsField() {
        Path file = AuditFixtures.resource("bad-district.geojson");
        InputException e = assertThrows(InputException.class, () -> DistrictFile.read(file));
        assertEquals(file + ": feature 1: geometry.coordinates[0][2]: latitude 93.7 is outside [-90, 90] (are longitude and latitude swapped?)", e.getMessage());
    }

    @Test
    void aSelfIntersectingDistrictAndABrokenKmlAreRefused() throws Exception {
        Path bowtie = dir.resolve("bowtie.geojson");
        Files.writeString(bowtie, "{\"type\": \"Polygon\", \"coordinates\": [[[7.41, 43.73], [7.43, 43.74], [7.43, 43.73], [7.41, 43.74], [7.41, 43.73]]]}");
        InputException e = assertThrows(InputException.class, () -> DistrictFile.read(bowtie));
        assertTrue(e.getMessage().startsWith(bowtie + ": district: is not a valid polygon: Self-intersection"), e.getMessage());

        Path kml = dir.resolve("open.kml");
        Files.writeString(kml, "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><Polygon><outerBoundaryIs><LinearRing>\n"
                + "<coordinates>7.41,43.73 7.43,43.74 7.43,43.73 7.42,43.72</coordinates>\n"
                + "</LinearRing></outerBoundaryIs></Polygon></Placemark></kml>");
        InputException open = assertThrows(InputException.class, () -> DistrictFile.read(kml));
        assertEquals(kml + ": line 2: outerBoundaryIs.LinearRing.coordinates: the ring is not closed: its last position must repeat its first",
                open.getMessage());

        Path shp = dir.resolve("district.shp");
        Files.writeString(shp, "x");
        assertEquals(shp + ": a district file must be .geojson, .json or .kml",
                assertThrows(InputException.class, () -> DistrictFile.read(shp)).getMessage());
    }
}
