package org.seuil.sync.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.seuil.formats.json.Json;

/**
 * Reading and writing one wire body, shared by the report and campaign codecs: the parser limits, the byte cap,
 * nothing after the document, and the same problem for the same fault whichever route it came to.
 */
final class WireBodies {
    interface Reader<T> {
        T read(JsonParser parser) throws IOException;
    }

    interface Writer {
        void write(JsonGenerator out) throws IOException;
    }

    private WireBodies() {
    }

    /** A mapper whose parsers stop at the wire's limits (depth, string and number length) before building anything. */
    static ObjectMapper mapper(WireLimits limits) {
        JsonFactory factory = Json.FACTORY.rebuild()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(Json.MAX_DEPTH)
                        .maxStringLength(limits.maxStringLength())
                        .maxNumberLength(100)
                        .build())
                .build();
        return new ObjectMapper(factory);
    }

    /** Reads one JSON document of at most {@code limits.maxBodyBytes()}; faults become 400 / 413 problems. */
    static <T> T read(ObjectMapper mapper, WireLimits limits, InputStream body, Reader<T> reader) {
        try (JsonParser parser = mapper.createParser(new LimitedInputStream(body, limits.maxBodyBytes()))) {
            T value = reader.read(parser);
            if (parser.nextToken() != null) {
                throw Problem.badRequest("unexpected content after the JSON document", -1, null);
            }
            return value;
        } catch (LimitedInputStream.TooLargeException e) {
            throw Problem.tooLarge("the body is larger than " + limits.maxBodyBytes() + " bytes");
        } catch (JsonProcessingException e) {
            throw Problem.badRequest("malformed JSON: " + e.getOriginalMessage(), -1, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] write(Writer body) {
        // Segments, not one growing array: a page of 5,000 reports is 2 MB, copied at every doubling otherwise.
        ByteArrayBuilder bytes = new ByteArrayBuilder();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes)) {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
