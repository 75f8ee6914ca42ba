package org.shgledger.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The JSON the server reads and writes itself (the reports' JSON comes from a {@link
 * ReportSource}): a request body is one flat object of strings, checked strictly, so that every
 * mistake is a 400 that names the field.
 */
final class Bodies {

  /** The largest request body accepted, in bytes: a write is a few hundred. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /** The longest value of a field. */
  static final int MAX_FIELD_LENGTH = 500;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(4)
          .maxStringLength(MAX_FIELD_LENGTH).build())
      .build();

  private Bodies() {}

  /**
   * Reads a body that must be one JSON object of string fields, each named in {@code allowed}.
   *
   * @param body the body, not null
   * @param allowed the fields the request may have, or null for any (the caller checks them)
   * @return the fields in the body's order
   * @throws BadRequest naming the field that is not a string, unknown or repeated, or "body"
   */
  static Map<String, String> fields(String body, Set<String> allowed) {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser json = FACTORY.createParser(body)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new BadRequest("body", "the body is one JSON object, such as {\"id\": \"...\"}");
      }
      for (JsonToken token = json.nextToken(); token != JsonToken.END_OBJECT; token = json.nextToken()) {
        String name = json.currentName();
        if (allowed != null && !allowed.contains(name)) {
          throw new BadRequest(name, "unknown field '" + name + "'; the fields are " + String.join(", ", allowed));
        }
        if (json.nextToken() != JsonToken.VALUE_STRING) {
          throw new BadRequest(name, "field '" + name + "' is a string, such as \"100.00\"");
        }
        if (fields.put(name, json.getText()) != null) {
          throw new BadRequest(name, "field '" + name + "' is given twice");
        }
      }
      if (json.nextToken() != null) {
        throw new BadRequest("body", "the body holds one JSON object and nothing after it");
      }
    } catch (IOException e) {
      throw new BadRequest("body", "the body is not valid JSON: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException p ? p.getOriginalMessage() : "unreadable"));
    }
    return fields;
  }

  /**
   * A required field.
   *
   * @throws BadRequest naming the field when it is missing or blank
   */
  static String required(Map<String, String> fields, String name) {
    String value = fields.get(name);
    if (value == null || value.isBlank()) {
      throw new BadRequest(name, "field '" + name + "' is required");
    }
    return value.strip();
  }

  /** Writes a small JSON object. */
  @FunctionalInterface
  interface Writer {
    void write(JsonGenerator json) throws IOException;
  }

  /**
   * A JSON object, indented as the reports are, ending in a newline.
   *
   * @param schema the value of its {@code schema} key, first, not null
   * @param fields writes the rest of its fields, not null
   * @return the document
   */
  static String object(String schema, Writer fields) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out).useDefaultPrettyPrinter()) {
      json.writeStartObject();
      json.writeStringField("schema", schema);
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  /**
   * An error's body: {@code {"schema": "shg.error/1", "error": ..., "message": ..., "field": ...}}.
   *
   * @param error the error's name (a rejection's, or {@code BAD_REQUEST}), not null
   * @param message what was wrong, not null
   * @param field the field for a 400, else null
   * @return the document
   */
  static String error(String error, String message, String field) {
    return object("shg.error/1", json -> {
      json.writeStringField("error", error);
      json.writeStringField("message", message);
      if (field != null) {
        json.writeStringField("field", field);
      }
    });
  }
}
