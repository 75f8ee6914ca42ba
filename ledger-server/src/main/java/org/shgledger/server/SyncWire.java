package org.shgledger.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.shgledger.journal.BookId;
import org.shgledger.store.BookCopy;

/**
 * The JSON of sync (issue 17, docs/sync.md), written by the server and read by {@code shg sync},
 * so that both sides share one encoding: a group's books ({@code shg.books/1}, {@link BookCopy}'s
 * logical form), a push of operations ({@code shg.sync-push/1}) and its per-operation answer
 * ({@code shg.sync-results/1}). Everything travels gzip-compressed.
 */
public final class SyncWire {

  /** The most a compressed body may expand to: a larger one is refused, not read into memory. */
  public static final int MAX_EXPANDED_BYTES = 64 * 1024 * 1024;

  /** The most operations one push takes: a year of a 20-member group's meetings is under 1,000. */
  public static final int MAX_OPERATIONS = 5_000;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build()).build();

  private SyncWire() {}

  /**
   * One operation of a push: its key and its body for {@code POST /operations}.
   *
   * @param key its idempotency key
   * @param body its JSON body, one flat object
   */
  public record PushedOperation(String key, String body) {}

  /**
   * The server's answer to one pushed operation.
   *
   * @param key the operation's key
   * @param accepted true if recorded (now or before), false if refused
   * @param repeat for an accepted one, whether the server had it already
   * @param error for a refused one, the named rejection ({@code CASH_BELOW_ZERO}, {@code BAD_REQUEST}
   *     …); else null
   * @param message for a refused one, the server's message; else null
   */
  public record Result(String key, boolean accepted, boolean repeat, String error, String message) {}

  /**
   * Writes a group's books as gzip-compressed JSON.
   *
   * @param book the books, not null
   * @return the compressed JSON, not null
   */
  public static byte[] books(BookCopy.Book book) {
    return gzip(out -> {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("schema", "shg.books/1");
        json.writeStringField("group", book.book().value());
        json.writeStringField("journal_head", book.journalHead());
        json.writeStringField("registry_head", book.registryHead());
        json.writeArrayFieldStart("registry");
        for (BookCopy.RegistryEvent event : book.registry()) {
          json.writeStartObject();
          json.writeNumberField("seq", event.sequence());
          json.writeStringField("table", event.table());
          json.writeStringField("key", event.key());
          json.writeStringField("recorded_at", event.recordedAt());
          json.writeStringField("hash", event.hash());
          json.writeObjectFieldStart("columns");
          for (var column : event.columns().entrySet()) {
            json.writeStringField(column.getKey(), column.getValue());
          }
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("entries");
        for (BookCopy.Entry entry : book.entries()) {
          json.writeStartObject();
          json.writeNumberField("seq", entry.sequence());
          json.writeStringField("id", entry.id());
          json.writeStringField("date", entry.date());
          json.writeStringField("memo", entry.memo());
          json.writeStringField("reverses", entry.reverses());
          json.writeStringField("source", entry.sourceReference());
          json.writeStringField("recorded_at", entry.recordedAt());
          json.writeStringField("kind", entry.kind());
          json.writeStringField("member", entry.member());
          json.writeStringField("loan", entry.loan());
          json.writeNumberField("hash_version", entry.hashVersion());
          json.writeStringField("hash", entry.hash());
          json.writeArrayFieldStart("postings");
          for (BookCopy.Posting posting : entry.postings()) {
            json.writeStartArray();
            json.writeString(posting.account());
            json.writeString(String.valueOf(posting.side()));
            json.writeNumber(posting.amountMinor());
            json.writeString(posting.currency());
            json.writeEndArray();
          }
          json.writeEndArray();
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
    });
  }

  /**
   * Reads a group's books from gzip-compressed JSON.
   *
   * @param compressed what {@link #books} wrote, not null
   * @return the books, not null
   * @throws IllegalArgumentException if it is not such JSON (the hashes are checked when written)
   */
  public static BookCopy.Book readBooks(byte[] compressed) {
    try (JsonParser json = FACTORY.createParser(gunzip(compressed))) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      BookId group = null;
      List<BookCopy.RegistryEvent> registry = new ArrayList<>();
      List<BookCopy.Entry> entries = new ArrayList<>();
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        switch (field) {
          case "group" -> group = BookId.of(json.getText());
          case "registry" -> {
            expect(value, JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
              long seq = 0;
              String table = null;
              String key = null;
              String at = null;
              String hash = null;
              SortedMap<String, String> columns = new TreeMap<>();
              while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                switch (name) {
                  case "seq" -> seq = json.getLongValue();
                  case "table" -> table = json.getText();
                  case "key" -> key = json.getText();
                  case "recorded_at" -> at = json.getText();
                  case "hash" -> hash = json.getText();
                  case "columns" -> {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                      String column = json.currentName();
                      json.nextToken();
                      columns.put(column, json.getText());
                    }
                  }
                  default -> json.skipChildren();
                }
              }
              registry.add(new BookCopy.RegistryEvent(seq, table, key, at, columns, hash));
            }
          }
          case "entries" -> {
            expect(value, JsonToken.START_ARRAY);
            while (json.nextToken() == JsonToken.START_OBJECT) {
              entries.add(entry(json));
            }
          }
          default -> json.skipChildren();
        }
      }
      if (group == null) {
        throw new IllegalArgumentException("the books name no group");
      }
      return new BookCopy.Book(group, registry, entries);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a group's books (shg.books/1): " + e.getMessage(), e);
    }
  }

  private static BookCopy.Entry entry(JsonParser json) throws IOException {
    long seq = 0;
    String id = null;
    String date = null;
    String memo = null;
    String reverses = null;
    String source = null;
    String at = null;
    String kind = null;
    String member = null;
    String loan = null;
    int version = 0;
    String hash = null;
    List<BookCopy.Posting> postings = new ArrayList<>();
    while (json.nextToken() == JsonToken.FIELD_NAME) {
      String name = json.currentName();
      JsonToken value = json.nextToken();
      String text = value == JsonToken.VALUE_NULL ? null : json.getText();
      switch (name) {
        case "seq" -> seq = json.getLongValue();
        case "id" -> id = text;
        case "date" -> date = text;
        case "memo" -> memo = text;
        case "reverses" -> reverses = text;
        case "source" -> source = text;
        case "recorded_at" -> at = text;
        case "kind" -> kind = text;
        case "member" -> member = text;
        case "loan" -> loan = text;
        case "hash_version" -> version = json.getIntValue();
        case "hash" -> hash = text;
        case "postings" -> {
          while (json.nextToken() == JsonToken.START_ARRAY) {
            json.nextToken();
            String account = json.getText();
            json.nextToken();
            char side = json.getText().charAt(0);
            json.nextToken();
            long amount = json.getLongValue();
            json.nextToken();
            String currency = json.getText();
            expect(json.nextToken(), JsonToken.END_ARRAY);
            postings.add(new BookCopy.Posting(account, side, amount, currency));
          }
        }
        default -> json.skipChildren();
      }
    }
    return new BookCopy.Entry(seq, id, date, memo, reverses, source, at, kind, member, loan, version, hash,
        List.copyOf(postings));
  }

  /**
   * Writes a push of operations, gzip-compressed.
   *
   * @param operations the operations in order, not null
   * @return the compressed JSON, not null
   */
  public static byte[] push(List<PushedOperation> operations) {
    return gzip(out -> {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("schema", "shg.sync-push/1");
        json.writeArrayFieldStart("operations");
        for (PushedOperation op : operations) {
          json.writeStartObject();
          json.writeStringField("key", op.key());
          json.writeFieldName("body");
          json.writeRawValue(op.body());
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
    });
  }

  /**
   * Reads a push.
   *
   * @param compressed what {@link #push} wrote, not null
   * @return the operations in order, not null
   * @throws IllegalArgumentException if it is not a push, or holds more than {@link #MAX_OPERATIONS}
   */
  public static List<PushedOperation> readPush(byte[] compressed) {
    List<PushedOperation> operations = new ArrayList<>();
    try (JsonParser json = FACTORY.createParser(gunzip(compressed))) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (!field.equals("operations")) {
          json.skipChildren();
          continue;
        }
        expect(value, JsonToken.START_ARRAY);
        while (json.nextToken() == JsonToken.START_OBJECT) {
          String key = null;
          String body = null;
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            if (name.equals("key")) {
              key = json.getText();
            } else if (name.equals("body")) {
              StringWriter text = new StringWriter();
              try (JsonGenerator copy = FACTORY.createGenerator(text)) {
                copy.copyCurrentStructure(json);
              }
              body = text.toString();
            } else {
              json.skipChildren();
            }
          }
          if (key == null || body == null) {
            throw new IllegalArgumentException("operation " + (operations.size() + 1) + " lacks its key or body");
          }
          operations.add(new PushedOperation(key, body));
          if (operations.size() > MAX_OPERATIONS) {
            throw new IllegalArgumentException("a push takes at most " + MAX_OPERATIONS + " operations");
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a push (shg.sync-push/1): " + e.getMessage(), e);
    }
    return operations;
  }

  /**
   * Writes the answers to a push, gzip-compressed.
   *
   * @param group the group, not null
   * @param results one per operation answered, in order, not null
   * @return the compressed JSON, not null
   */
  public static byte[] results(BookId group, List<Result> results) {
    return gzip(out -> {
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.writeStartObject();
        json.writeStringField("schema", "shg.sync-results/1");
        json.writeStringField("group", group.value());
        json.writeArrayFieldStart("results");
        for (Result result : results) {
          json.writeStartObject();
          json.writeStringField("key", result.key());
          json.writeStringField("status", result.accepted() ? "accepted" : "refused");
          if (result.accepted()) {
            json.writeBooleanField("repeat", result.repeat());
          } else {
            json.writeStringField("error", result.error());
            json.writeStringField("message", result.message());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
    });
  }

  /**
   * Reads the answers to a push.
   *
   * @param compressed what {@link #results} wrote, not null
   * @return the answers in order, not null
   * @throws IllegalArgumentException if it is not such an answer
   */
  public static List<Result> readResults(byte[] compressed) {
    List<Result> results = new ArrayList<>();
    try (JsonParser json = FACTORY.createParser(gunzip(compressed))) {
      expect(json.nextToken(), JsonToken.START_OBJECT);
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        String field = json.currentName();
        JsonToken value = json.nextToken();
        if (!field.equals("results")) {
          json.skipChildren();
          continue;
        }
        expect(value, JsonToken.START_ARRAY);
        while (json.nextToken() == JsonToken.START_OBJECT) {
          String key = null;
          String status = null;
          boolean repeat = false;
          String error = null;
          String message = null;
          while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            switch (name) {
              case "key" -> key = json.getText();
              case "status" -> status = json.getText();
              case "repeat" -> repeat = json.getBooleanValue();
              case "error" -> error = json.getText();
              case "message" -> message = json.getText();
              default -> json.skipChildren();
            }
          }
          results.add(new Result(key, "accepted".equals(status), repeat, error, message));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not an answer to a push (shg.sync-results/1): " + e.getMessage(), e);
    }
    return results;
  }

  private static void expect(JsonToken token, JsonToken expected) {
    if (token != expected) {
      throw new IllegalArgumentException("expected " + expected + ", found " + token);
    }
  }

  /** Writes into a stream. */
  @FunctionalInterface
  private interface Writing {
    void write(OutputStream out) throws IOException;
  }

  private static byte[] gzip(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      writing.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Expands gzip, refusing more than {@link #MAX_EXPANDED_BYTES}; plain JSON (no gzip header) as it is. */
  static byte[] gunzip(byte[] compressed) throws IOException {
    if (compressed.length < 2 || (compressed[0] & 0xff) != 0x1f || (compressed[1] & 0xff) != 0x8b) {
      return compressed;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      byte[] expanded = in.readNBytes(MAX_EXPANDED_BYTES + 1);
      if (expanded.length > MAX_EXPANDED_BYTES) {
        throw new IOException("it expands to more than " + MAX_EXPANDED_BYTES + " bytes");
      }
      return expanded;
    }
  }
}
