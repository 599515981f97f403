package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.audit.AuditFixtures;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The campaign of the "done when", end to end through the command line on the Monaco extract. */
class AuditCommandTest {
    private static final String MUSEUM = "osm:way/23715051";
    private static final String CASTELROC = "osm:node/2391493976";

    @TempDir
    Path dir;
    private String db;

    @BeforeEach
    void importMonaco() {
        db = dir.resolve("seuil.db").toString();
        CommandLineRun imported = CommandLineRun.of("import", "osm", AuditFixtures.monacoPbf().toString(), "--db", db);
        assertEquals(0, imported.exitCode(), imported.err());
    }

    private CommandLineRun run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db");
        all.add(db);
        CommandLineRun r = CommandLineRun.of(all.toArray(String[]::new));
        assertEquals(0, r.exitCode(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    private void createSplitAndVisit() {
        CommandLineRun created = run("audit", "create", "--name", "Le Rocher", "--district", AuditFixtures.monacoVille().toString());
        assertTrue(created.out().startsWith("Created campaign Le Rocher ("), created.out());
        assertTrue(created.out().contains(": 62 venues in 24.4 ha, checklist seuil-default, rules osm"), created.out());
        assertEquals("62 venues in 2 zones: Alice 31, Bob 31\n", run("audit", "assign", "Le Rocher", "--zones", "2", "--volunteers", "Alice,Bob").out());
        // The museum: one 5 cm step and an 85 cm door, measured.
        run("audit", "visit", "Le Rocher", "--venue", MUSEUM, "--status", "visited", "--at", "2026-11-20T10:00:00Z",
                "--answer", "entrance.step-count=1", "--answer", "entrance.step-height=0.05", "--answer", "door:width=0.85");
        // Castelroc: step-free, a wide door, toilets without grab bars.
        run("audit", "visit", "Le Rocher", "--venue", CASTELROC, "--status", "visited", "--at", "2026-11-20T11:00:00Z",
                "--answer", "entrance.step-count=0", "--answer", "entrance.door-width=0.95", "--answer", "toilets.grab-bars=no");
        run("audit", "visit", "Le Rocher", "--venue", "osm:node/5080982994", "--status", "closed", "--at", "2026-11-20T12:00:00Z");
    }

    @Test
    void aCampaignIsCreatedSplitVisitedAndTheStatusShowsItsFigures() {
        createSplitAndVisit();
        String status = run("audit", "status", "Le Rocher", "--at", "2026-11-21").out();
        assertTrue(status.contains("Venues: 62\n"), status);
        assertTrue(status.contains("Audited: 3 of 62 (4.8 %)\n"), status);
        assertTrue(status.contains("Status: to-visit 59, visited 2, not-found 0, closed 1, refused 0\n"), status);
        assertTrue(status.contains("Volunteers: Alice, Bob\n"), status);
        assertTrue(status.contains("Barriers found: 3 at 2 venues\n"), status);
        assertTrue(status.contains("  tourism=museum: 1/2 (50.0 %)\n"), status);
        String inTenYears = run("audit", "status", "Le Rocher", "--at", "2036-11-21").out();
        assertTrue(inTenYears.contains("Audited: 0 of 62 (0.0 %)\n"), "visits older than 5 years are pending again: " + inTenYears);

        String list = run("audit", "list").out();
        assertTrue(list.contains("Le Rocher") && list.contains("62 venues"), list);
        String walk = run("audit", "walk", "Le Rocher", "--volunteer", "Bob", "--from", "43.7311303,7.4213799").out();
        assertTrue(walk.matches("(?s).*\\n30 venues to visit, \\d+ m as the crow flies\\n"), "Bob has 31 venues, one visited: " + walk);
    }

    @Test
    void thePdfCarriesTheSameFiguresAsStatusAndTheCsvAndGeoJsonTheSameRows() throws Exception {
        createSplitAndVisit();
        Path pdf = dir.resolve("report.pdf");
        CommandLineRun report = run("audit", "report", "Le Rocher", "--out", pdf.toString(), "--at", "2026-11-21",
                "--map", SharedData.file("maps/monaco-2021-04-21.map").toString());
        assertTrue(report.out().contains("map over the offline map"), report.out());
        String status = run("audit", "status", "Le Rocher", "--at", "2026-11-21").out();
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertTrue(doc.getNumberOfPages() >= 3, doc.getNumberOfPages() + " pages");
            assertTrue(doc.getPage(0).getResources().getXObjectNames().iterator().hasNext(), "the map image is on page 1");
            text = new PDFTextStripper().getText(doc);
        }
        String flat = text.replaceAll("\\s+", " ");
        for (String line : status.split("\n")) {
            if (!line.startsWith("By category") && !line.isBlank()) {
                assertTrue(flat.contains(line.strip().replaceAll("\\s+", " ")), "the PDF lacks '" + line + "'");
            }
        }
        assertTrue(flat.contains("1 step of 5 cm (limited, osm.entrance-steps)"), "the museum's barrier");
        assertTrue(flat.contains("Open Database Licence (ODbL) 1.0"), "the licence");
        assertTrue(flat.contains("Source: OSM wiki, Key:wheelchair"), "the rules' sources");

        Path csv = dir.resolve("report.csv");
        run("audit", "report", "Le Rocher", "--format", "csv", "--out", csv.toString(), "--at", "2026-11-21");
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(63, rows.size(), "a header and 62 venues");
        String museumRow = rows.stream().filter(r -> r.startsWith(MUSEUM + ",")).findFirst().orElseThrow();
        assertTrue(museumRow.contains(",visited,") && museumRow.contains(",yes,limited,measured,"), museumRow);

        Path geojson = dir.resolve("report.geojson");
        run("audit", "report", "Le Rocher", "--format", "geojson", "--out", geojson.toString(), "--at", "2026-11-21");
        JsonNode features = new ObjectMapper().readTree(geojson.toFile()).get("features");
        assertEquals(63, features.size(), "the district and 62 venues");
        assertEquals("district", features.get(0).get("properties").get("role").asText());
        assertEquals(3, features.get(0).get("properties").get("audited").asInt());
        JsonNode castelroc = null;
        for (JsonNode f : features) {
            if (CASTELROC.equals(f.path("id").asText())) {
                castelroc = f.get("properties");
            }
        }
        assertEquals("yes", castelroc.get("grade").asText());
        assertEquals("toilets", castelroc.get("barriers").get(0).get("section").asText());
    }

    @Test
    void theOsmChangeFileIsValidXmlWithTheTagsTheAuditImplies() throws Exception {
        createSplitAndVisit();
        Path osc = dir.resolve("changes.osc");
        CommandLineRun r = run("audit", "osc", "Le Rocher", "--out", osc.toString());
        assertEquals("2 OSM elements, 8 tags written to " + osc + " (review in JOSM; nothing was uploaded)\n", r.out());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = factory.newDocumentBuilder().parse(osc.toFile());
        Element root = doc.getDocumentElement();
        assertEquals("osmChange", root.getTagName());
        assertEquals("0.6", root.getAttribute("version"));
        NodeList modify = root.getElementsByTagName("modify");
        assertEquals(1, modify.getLength());
        Map<String, Map<String, String>> tags = new HashMap<>();
        for (String type : List.of("node", "way")) {
            NodeList elements = ((Element) modify.item(0)).getElementsByTagName(type);
            for (int i = 0; i < elements.getLength(); i++) {
                Element e = (Element) elements.item(i);
                Map<String, String> kv = new HashMap<>();
                NodeList tagList = e.getElementsByTagName("tag");
                for (int t = 0; t < tagList.getLength(); t++) {
                    Element tag = (Element) tagList.item(t);
                    kv.put(tag.getAttribute("k"), tag.getAttribute("v"));
                }
                tags.put("osm:" + type + "/" + e.getAttribute("id"), kv);
                if (type.equals("node")) {
                    assertTrue(Double.parseDouble(e.getAttribute("lat")) > 43.7, "a node carries its position");
                }
            }
        }
        assertEquals(Map.of("wheelchair", "limited", "entrance:step_count", "1", "entrance:step:height", "0.05", "door:width", "0.85"),
                tags.get(MUSEUM));
        // Castelroc is wheelchair=yes in OSM already: the measurements are new, and toilets without grab bars are limited.
        assertEquals(Map.of("toilets:wheelchair", "limited", "entrance:step_count", "0", "door:width", "0.95",
                "toilets:wheelchair:grab_bars", "no"), tags.get(CASTELROC));
    }

    @Test
    void badFilesAndBadArgumentsEndWithOneLineNamingWhatIsWrong() throws Exception {
        Path bad = AuditFixtures.resource("bad-district.geojson");
        CommandLineRun r = CommandLineRun.of("audit", "create", "--name", "X", "--district", bad.toString(), "--db", db);
        assertEquals(1, r.exitCode());
        assertEquals("seuil: " + bad + ": feature 1: geometry.coordinates[0][2]: latitude 93.7 is outside [-90, 90] (are longitude and latitude swapped?)\n",
                r.err());
        Path checklist = AuditFixtures.resource("bad-checklist.json");
        r = CommandLineRun.of("audit", "create", "--name", "X", "--district", AuditFixtures.monacoVille().toString(),
                "--checklist", checklist.toString(), "--db", db);
        assertEquals("seuil: " + checklist + ": line 9: items[1].answer: 'yes-no' does not fit criterion door:width, which takes length\n", r.err());
        r = CommandLineRun.of("audit", "status", "Nowhere", "--db", db);
        assertEquals(2, r.exitCode());
        assertTrue(r.err().startsWith("seuil: there is no campaign 'Nowhere' in "), r.err());
        run("audit", "create", "--name", "Le Rocher", "--district", AuditFixtures.monacoVille().toString(), "--rules", "erp");
        r = CommandLineRun.of("audit", "visit", "Le Rocher", "--venue", MUSEUM, "--status", "visited", "--by", "Alice",
                "--answer", "entrance.door-width=wide", "--db", db);
        assertEquals("seuil: --answer entrance.door-width: expected a number of metres, got 'wide'\n", r.err());
        r = CommandLineRun.of("audit", "visit", "Le Rocher", "--venue", MUSEUM, "--status", "gone", "--db", db);
        assertEquals("seuil: --status: unknown status 'gone', expected to-visit, visited, not-found, closed or refused\n", r.err());
        CommandLineRun help = CommandLineRun.of("audit", "report", "--help");
        assertTrue(help.out().contains("--format=pdf|csv|geojson"), help.out());
    }
}
