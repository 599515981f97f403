package org.seuil.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seuil.domain.Criterion;
import org.seuil.domain.InvalidValueException;
import org.seuil.formats.InputException;
import org.seuil.formats.json.Json;

/**
 * The checklist file format ({@code seuil-checklist/1}, documented in docs/audits.md): a JSON
 * object with {@code format}, {@code id}, {@code name} and {@code items}, each item an object with
 * {@code id}, {@code section}, {@code question}, {@code answer} and optionally {@code criterion},
 * {@code osm}, {@code a11yjson}, {@code acceslibre}, {@code choices}. Errors name the file, the
 * line of the offending field and the field ({@code items[3].answer}).
 */
public final class ChecklistFile {
    public static final String FORMAT = "seuil-checklist/1";
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY);
    private static final Set<String> TOP_FIELDS = Set.of("format", "id", "name", "items");
    private static final Set<String> ITEM_FIELDS = Set.of("id", "section", "question", "answer", "criterion", "osm",
            "a11yjson", "acceslibre", "choices");

    private ChecklistFile() {
    }

    public static Checklist read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new InputException(file.toString(), null, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Parses a checklist; {@code file} names it in errors. */
    public static Checklist parse(String text, String file) {
        try (JsonParser in = Json.FACTORY.createParser(text)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new InputException(file, line(in), null, "a checklist is a JSON object");
            }
            Map<String, JsonNode> top = new LinkedHashMap<>();
            Map<String, String> lines = new LinkedHashMap<>();
            List<ChecklistItem> items = new ArrayList<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                String where = line(in);
                if (!TOP_FIELDS.contains(field)) {
                    throw new InputException(file, where, field, "unknown field; expected format, id, name or items");
                }
                in.nextToken();
                if (field.equals("items")) {
                    readItems(in, file, items);
                } else {
                    top.put(field, MAPPER.readTree(in));
                    lines.put(field, where);
                }
            }
            String format = text(top, "format", file, lines);
            if (!FORMAT.equals(format)) {
                throw new InputException(file, lines.get("format"), "format", "'" + format + "' is not " + FORMAT);
            }
            String id = text(top, "id", file, lines);
            String name = text(top, "name", file, lines);
            try {
                return new Checklist(id, name, items);
            } catch (InvalidValueException e) {
                throw new InputException(file, lines.getOrDefault(e.field(), null), e.field(), reason(e), e);
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr();
            throw new InputException(file, where, null, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readItems(JsonParser in, String file, List<ChecklistItem> items) throws IOException {
        if (in.currentToken() != JsonToken.START_ARRAY) {
            throw new InputException(file, line(in), "items", "must be an array of items");
        }
        while (in.nextToken() != JsonToken.END_ARRAY) {
            int index = items.size();
            String prefix = "items[" + index + "]";
            if (in.currentToken() != JsonToken.START_OBJECT) {
                throw new InputException(file, line(in), prefix, "must be an object");
            }
            String itemLine = line(in);
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            Map<String, String> lines = new LinkedHashMap<>();
            while (in.nextToken() == JsonToken.FIELD_NAME) {
                String field = in.currentName();
                String where = line(in);
                if (!ITEM_FIELDS.contains(field)) {
                    throw new InputException(file, where, prefix + "." + field,
                            "unknown field; expected id, section, question, answer, criterion, osm, a11yjson, acceslibre or choices");
                }
                in.nextToken();
                fields.put(field, MAPPER.readTree(in));
                lines.put(field, where);
            }
            items.add(item(fields, lines, file, prefix, itemLine));
        }
    }

    private static ChecklistItem item(Map<String, JsonNode> f, Map<String, String> lines, String file, String prefix, String itemLine) {
        String current = null;
        try {
            current = "section";
            Section section = Section.parse("section", required(f, "section"));
            current = "answer";
            AnswerKind answer = AnswerKind.parse("answer", required(f, "answer"));
            current = "criterion";
            Criterion criterion = f.containsKey("criterion") ? criterion(optional(f, "criterion")) : null;
            current = "choices";
            List<String> choices = new ArrayList<>();
            if (f.containsKey("choices")) {
                JsonNode node = f.get("choices");
                if (!node.isArray()) {
                    throw new InvalidValueException("choices", "must be an array of strings");
                }
                for (JsonNode choice : node) {
                    if (!choice.isTextual()) {
                        throw new InvalidValueException("choices", "must be an array of strings");
                    }
                    choices.add(choice.asText());
                }
            }
            current = null;
            return new ChecklistItem(optional(f, "id"), section, optional(f, "question"), answer, criterion,
                    optional(f, "osm"), optional(f, "a11yjson"), optional(f, "acceslibre"), choices);
        } catch (InvalidValueException e) {
            String field = current != null ? current : e.field();
            String where = lines.getOrDefault(field, itemLine);
            throw new InputException(file, where, prefix + "." + field, reason(e), e);
        }
    }

    private static Criterion criterion(String key) {
        for (Criterion c : Criterion.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new InvalidValueException("criterion", "unknown criterion '" + key + "'; see docs/audits.md for the list");
    }

    private static String required(Map<String, JsonNode> f, String field) {
        String value = optional(f, field);
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    private static String optional(Map<String, JsonNode> f, String field) {
        JsonNode node = f.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidValueException(field, "must be a string, got " + node.getNodeType().name().toLowerCase());
        }
        return node.asText();
    }

    private static String text(Map<String, JsonNode> top, String field, String file, Map<String, String> lines) {
        try {
            return required(top, field);
        } catch (InvalidValueException e) {
            throw new InputException(file, lines.get(field), field, reason(e));
        }
    }

    private static String reason(InvalidValueException e) {
        return e.getMessage().substring(e.field().length() + 2);
    }

    private static String line(JsonParser in) {
        return "line " + in.currentTokenLocation().getLineNr();
    }

    /** Writes a checklist in the same format, so a campaign carries its checklist in the store and on the wire. */
    public static String write(Checklist checklist) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("id", checklist.id());
            g.writeStringField("name", checklist.name());
            g.writeArrayFieldStart("items");
            for (ChecklistItem item : checklist.items()) {
                g.writeStartObject();
                g.writeStringField("id", item.id());
                g.writeStringField("section", item.section().code());
                g.writeStringField("question", item.question());
                g.writeStringField("answer", item.answer().code());
                if (item.criterion() != null) {
                    g.writeStringField("criterion", item.criterion().key());
                }
                if (item.osmTag() != null) {
                    g.writeStringField("osm", item.osmTag());
                }
                if (item.a11yJson() != null) {
                    g.writeStringField("a11yjson", item.a11yJson());
                }
                if (item.acceslibre() != null) {
                    g.writeStringField("acceslibre", item.acceslibre());
                }
                if (!item.choices().isEmpty()) {
                    g.writeArrayFieldStart("choices");
                    for (String choice : item.choices()) {
                        g.writeString(choice);
                    }
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
