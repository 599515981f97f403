package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.seuil.formats.json.Json;
import picocli.CommandLine;

/** The benchmark runs through every job on a small input and prints one JSON line (its figures are not checked here). */
class BenchAnalysisCommandTest {
    @Test
    void aSmallRunPrintsOneJsonLineWithEveryFigure() throws Exception {
        StringWriter out = new StringWriter();
        CommandLine line = new CommandLine(new BenchAnalysisCommand());
        line.setOut(new PrintWriter(out));
        assertEquals(0, line.execute("--points", "3000", "--size", "128", "--no-gdal"));
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(1, lines.length, out.toString());
        JsonNode figures = new com.fasterxml.jackson.databind.ObjectMapper(Json.FACTORY).readTree(lines[0]);
        assertEquals(3000, figures.get("points").asInt());
        for (String key : new String[] {"kde_quartic_ms", "kde_quartic_cpu_ms", "kde_gaussian_ms", "hex_ms", "hex_cells", "gpkg_export_ms", "gpkg_mb"}) {
            assertTrue(figures.has(key), key + " missing in " + lines[0]);
        }
        assertTrue(figures.get("kde_raster").asText().matches("12[0-9]x12[0-9]"), figures.get("kde_raster").asText());
    }
}
