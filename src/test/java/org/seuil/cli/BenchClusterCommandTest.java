package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchClusterCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchClusterCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void printsTheFiguresAsOneJsonLine() throws Exception {
        Path csv = dir.resolve("points.csv");
        StringBuilder lines = new StringBuilder("lon,lat\n");
        Random random = new Random(1);
        for (int i = 0; i < 5000; i++) {
            lines.append(7.4 + random.nextGaussian() * 0.01).append(',').append(43.73 + random.nextGaussian() * 0.01).append('\n');
        }
        Files.writeString(csv, lines);
        String[] result = run("--points", csv.toString(), "--queries", "200");
        assertEquals("0", result[0], result[2]);
        JsonNode json = new ObjectMapper().readTree(result[1].strip());
        assertEquals(5000, json.get("points").asInt());
        for (String field : new String[] {"build_ms", "held_mb", "query_p50_ms", "query_p95_ms"}) {
            assertTrue(json.get(field).isNumber(), field);
        }
        assertTrue(json.get("query_p50_ms").asDouble() <= json.get("query_p95_ms").asDouble());
        assertTrue(json.get("mean_items").asDouble() > 0, "the viewports are centred on points, so they find some");
    }

    @Test
    void aBadLineIsNamedWithItsNumber() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "7.4,43.7\n7.5,43.8\n7.5;43.8\n");
        CommandLine cl = new CommandLine(new BenchClusterCommand());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((e, c, p) -> {
            err.write(e.getMessage());
            return 2;
        });
        assertEquals(2, cl.execute("--points", csv.toString()));
        assertTrue(err.toString().contains("bad.csv:3"), err.toString());
    }
}
