package org.seuil.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seuil.formats.InputException;

class CsvParserTest {
    static List<List<String>> parse(String text) throws IOException {
        CsvParser parser = new CsvParser(new StringReader(text), "t.csv");
        List<List<String>> records = new ArrayList<>();
        for (List<String> r = parser.next(); r != null; r = parser.next()) {
            records.add(r);
        }
        return records;
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        String text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n,,\r\n";
        assertEquals(List.of(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\r\nlines"), List.of("", "", "")), parse(text));
    }

    @Test
    void lfCrlfAndCrLineEndsAndAMissingLastLineEndAllWork() throws IOException {
        assertEquals(List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d")), parse("a\nb\r\nc\rd"));
    }

    @Test
    void recordLineIsTheLineWhereAMultiLineRecordStarts() throws IOException {
        CsvParser parser = new CsvParser(new StringReader("h1,h2\n\"1\n2\n3\",x\nlast,y\n"), "t.csv");
        parser.next();
        parser.next();
        assertEquals(2, parser.recordLine());
        assertEquals(List.of("last", "y"), parser.next());
        assertEquals(5, parser.recordLine());
        assertNull(parser.next());
    }

    @Test
    void theByteOrderMarkIsDropped() throws IOException {
        assertEquals(List.of(List.of("id", "name")), parse("\uFEFFid,name\r\n"));
    }

    @Test
    void aSemicolonHeaderAsSavedByAFrenchSpreadsheetSetsTheSeparator() throws IOException {
        assertEquals(List.of(List.of("lat", "lon", "name"), List.of("43,5", "7,4", "Café; bar")),
                parse("lat;lon;name\n43,5;7,4;\"Café; bar\"\n"));
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItOpens() {
        InputException e = assertThrows(InputException.class, () -> parse("a,b\nx,\"open\nmore\n"));
        assertEquals("t.csv: line 2: field 2 opens a quote that is never closed", e.getMessage());
    }

    @Test
    void textAfterAClosingQuoteIsRefused() {
        InputException e = assertThrows(InputException.class, () -> parse("a,b\n\"x\"y,z\n"));
        assertEquals("line 2", e.location());
        assertEquals("field 1 has 'y' after its closing quote; a quote inside a field is written \"\"", e.reason());
    }

    @Test
    void aHugeFieldIsRefusedWithoutReadingItAll() {
        String huge = "a\n\"" + "x".repeat(CsvParser.MAX_FIELD_LENGTH + 10) + "\"\n";
        InputException e = assertThrows(InputException.class, () -> parse(huge));
        assertEquals("line 2", e.location());
        assertEquals("a field is longer than 1000000 characters; this is not a place's data", e.reason());
    }
}
