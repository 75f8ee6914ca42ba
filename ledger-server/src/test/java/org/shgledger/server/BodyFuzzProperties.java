package org.shgledger.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the request bodies (issue 16, "bad input"): JSON for the writes, CSV for the imports,
 * made wrong in every way a client or an attacker might: wrong types, numbers as strings and
 * strings as numbers, deep nesting, large bodies, bad UTF-8, NUL bytes, duplicate keys, random
 * bytes and random edits of good bodies. Whatever comes, the answer is never a 5xx; a refusal is a
 * 4xx with a message and leaves the journal as it was. Tries are bounded so that the suite stays
 * quick on two cores; the counters show that refusals really were exercised.
 */
class BodyFuzzProperties {

  private static final String OPERATIONS = "/api/v1/groups/SHG01/operations";
  private static final List<String> IMPORTS = List.of("/api/v1/groups/SHG01/imports/meetings",
      "/api/v1/groups/SHG01/imports/passbook");

  private static Path folder;
  private static TestServer server;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final AtomicInteger REFUSED = new AtomicInteger();

  @BeforeContainer
  static void start() throws IOException {
    folder = Files.createTempDirectory("shg-fuzz");
    server = TestServer.sqlite(folder, TestServer.echo());
  }

  @AfterContainer
  static void stop() throws IOException {
    server.close();
    try (var files = Files.walk(folder)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
    assertTrue(REFUSED.get() > 0, "the fuzzing was refused at least once");
  }

  @Property(tries = 300)
  void aBadJsonBodyIsA4xxWithAMessageAndWritesNothing(@ForAll("badJson") byte[] body) {
    refusedAndNothingWritten(OPERATIONS, body, "application/json");
  }

  @Property(tries = 60)
  void aBadJsonBodyToTheOlderRoutesIsRefusedToo(@ForAll("badJson") byte[] body) {
    refusedAndNothingWritten("/api/v1/groups/SHG01/savings", body, "application/json");
  }

  @Property(tries = 150)
  void aBadCsvBodyIsA4xxWithAMessageAndWritesNothing(@ForAll("badCsv") byte[] body,
      @ForAll("imports") String path) {
    refusedAndNothingWritten(path, body, "text/csv");
  }

  @Property(tries = 150)
  void anEditedBodyIsNeverA5xx(@ForAll("editedJson") byte[] body) {
    neverAFailure(OPERATIONS, body, "application/json");
  }

  @Property(tries = 100)
  void randomValuesAreNeverA5xx(@ForAll("randomValues") byte[] body) {
    neverAFailure(OPERATIONS, body, "application/json");
  }

  @Property(tries = 300)
  void anyOperationWithAnOddFieldIsNeverA5xx(@ForAll("anyOperation") byte[] body) {
    neverAFailure(OPERATIONS, body, "application/json");
  }

  @Property(tries = 60)
  void anEditedCsvIsNeverA5xx(@ForAll("editedCsv") byte[] body, @ForAll("imports") String path) {
    neverAFailure(path, body, "text/csv");
  }

  @Property(tries = 40)
  void anOddCsvIsNeverA5xx(@ForAll("oddCsv") byte[] body, @ForAll("imports") String path) {
    neverAFailure(path, body, "text/csv");
  }

  @Property(tries = 80)
  void anOddFormIsNeverA5xx(@ForAll("oddForm") byte[] body) {
    neverAFailure(IMPORTS.get(1), body, "multipart/form-data; boundary=" + BOUNDARY);
  }

  @Property(tries = 20)
  void aFormWithoutABoundaryIsRefused(@ForAll("oddForm") byte[] body) {
    refusedAndNothingWritten(IMPORTS.get(1), body, "multipart/form-data");
  }

  private void refusedAndNothingWritten(String path, byte[] body, String type) {
    int before = entries();
    HttpResponse<String> response = send(path, body, type);
    assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
        shown(body) + " -> " + response.statusCode() + " " + response.body());
    assertTrue(response.body().contains("\"message\" : \""), response.body());
    assertEquals(before, entries(), "nothing written for " + shown(body));
    REFUSED.incrementAndGet();
  }

  /** An edit may make a good body of a bad one: then it may record, once; it never fails the server. */
  private void neverAFailure(String path, byte[] body, String type) {
    int before = entries();
    HttpResponse<String> response = send(path, body, type);
    assertTrue(response.statusCode() < 500, shown(body) + " -> " + response.statusCode() + " " + response.body());
    if (response.statusCode() >= 400) {
      assertTrue(response.body().contains("\"message\" : \""), response.body());
      assertEquals(before, entries(), "nothing written for " + shown(body));
      REFUSED.incrementAndGet();
    }
  }

  private static int entries() {
    return server.books.store().journal().entries(TestServer.SHG01).size();
  }

  private static HttpResponse<String> send(String path, byte[] body, String type) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.server.port() + path))
        .header("Authorization", "Bearer " + server.token(Role.TREASURER))
        .header("Content-Type", type)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String shown(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
  }

  // ---- bodies ----

  /** A good fine, to be broken. */
  private static final String FINE = "{\"operation\": \"fine\", \"id\": \"FUZZ-1\", \"date\": \"2024-05-04\","
      + " \"member\": \"M03\", \"amount\": \"10\", \"reason\": \"late\"}";

  private static final List<String> FIELDS = List.of("operation", "id", "date", "member", "amount", "reason",
      "loan", "entry", "instalments", "annual-rate", "present");

  @Provide
  Arbitrary<String> imports() {
    return Arbitraries.of(IMPORTS);
  }

  @Provide
  Arbitrary<byte[]> badJson() {
    return Arbitraries.oneOf(
        wrongType(), numbersAndStrings(), deepNesting(), large(), badUtf8(FINE), nulBytes(), duplicateKeys(),
        randomBytes(), notAnObject()).map(text -> text instanceof byte[] bytes ? bytes
            : ((String) text).getBytes(StandardCharsets.UTF_8));
  }

  /** A field's value as a number, true, null, an array or an object. */
  private Arbitrary<Object> wrongType() {
    return Combinators.combine(Arbitraries.of("id", "date", "member", "amount", "reason", "operation"),
        Arbitraries.of("100", "-1", "1e309", "true", "null", "[]", "[\"10\"]", "{}", "{\"value\": \"10\"}"))
        .as((field, value) -> FINE.replaceFirst("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": " + value));
  }

  /** The operations' numbers given as JSON numbers instead of strings. */
  private Arbitrary<Object> numbersAndStrings() {
    return Arbitraries.of(
        "{\"operation\": \"fine\", \"id\": \"F\", \"date\": \"2024-05-04\", \"member\": \"M03\", \"amount\": 10}",
        "{\"operation\": \"fine\", \"id\": 12345, \"date\": \"2024-05-04\", \"member\": \"M03\", \"amount\": \"10\"}",
        "{\"operation\": \"loan-disburse\", \"id\": \"D\", \"date\": \"2024-05-04\", \"member\": \"M02\","
            + " \"amount\": \"100\", \"loan\": \"L7\", \"instalments\": 3}",
        "{\"operation\": \"bank-loan-receive\", \"id\": \"B\", \"date\": \"2024-05-04\", \"amount\": \"100\","
            + " \"annual-rate\": 12.5, \"instalments\": \"12\", \"method\": \"emi\"}",
        "{\"operation\": \"loan-disburse\", \"id\": \"D\", \"date\": \"2024-05-04\", \"member\": \"M02\","
            + " \"amount\": \"100\", \"loan\": \"L7\", \"instalments\": \"three\"}",
        "{\"operation\": \"fine\", \"id\": \"F\", \"date\": 20240504, \"member\": \"M03\", \"amount\": \"10\"}",
        "{\"operation\": \"meeting-roll\", \"date\": \"2024-05-04\", \"present\": [\"M01\", \"M02\"]}",
        "{\"operation\": \"fine\", \"id\": \"F\", \"date\": \"2024-05-04\", \"member\": \"M03\", \"amount\": \"0x10\"}",
        "{\"operation\": \"fine\", \"id\": \"F\", \"date\": \"2024-05-04\", \"member\": \"M03\", \"amount\": \"NaN\"}");
  }

  private Arbitrary<Object> deepNesting() {
    return Combinators.combine(Arbitraries.integers().between(5, 3_000), Arbitraries.of("[", "{\"a\": "))
        .as((depth, open) -> {
          String close = open.equals("[") ? "]" : "}";
          return "{\"id\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}";
        });
  }

  /** Past the 16 KiB limit: a large field, many fields, or whitespace. */
  private Arbitrary<Object> large() {
    return Arbitraries.integers().between(Bodies.MAX_BODY_BYTES + 1, 60_000).flatMap(size -> Arbitraries.of(
        "{\"reason\": \"" + "x".repeat(size) + "\"}",
        "{" + "\"a\": \"b\", ".repeat(size / 10) + "\"c\": \"d\"}",
        " ".repeat(size) + FINE));
  }

  /** Bytes that are not UTF-8, inside a field or anywhere. */
  private Arbitrary<Object> badUtf8(String good) {
    return Combinators.combine(
        Arbitraries.integers().between(0, good.length()),
        Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF}))
        .as((at, bad) -> {
          byte[] head = good.substring(0, at).getBytes(StandardCharsets.UTF_8);
          byte[] tail = good.substring(at).getBytes(StandardCharsets.UTF_8);
          byte[] all = new byte[head.length + bad.length + tail.length];
          System.arraycopy(head, 0, all, 0, head.length);
          System.arraycopy(bad, 0, all, head.length, bad.length);
          System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
          return all;
        });
  }

  /** NUL raw in the body, or escaped inside a value. */
  private Arbitrary<Object> nulBytes() {
    return Combinators.combine(Arbitraries.of("id", "date", "member", "amount", "reason", "operation"),
        Arbitraries.of("\\u0000", "\u0000"))
        .as((field, nul) -> FINE.replaceFirst("(\"" + field + "\": \")", "$1" + java.util.regex.Matcher.quoteReplacement(nul)));
  }

  private Arbitrary<Object> duplicateKeys() {
    return Arbitraries.of(FIELDS.subList(0, 6)).map(field -> FINE.replace("}", ", \"" + field + "\": \"x\"}"));
  }

  private Arbitrary<Object> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(400).map(bytes -> (Object) bytes);
  }

  private Arbitrary<Object> notAnObject() {
    return Arbitraries.of("", " ", "null", "[]", "\"fine\"", "42", "{", "}", "{}", "{\"operation\": \"fine\"}{}",
        "{\"operation\": \"fine\",}", "{'operation': 'fine'}", "{\"operation\": \"fine\" /* c */}", FINE + " x");
  }

  /** A known operation with random text in a random field: it may happen to be good, and record. */
  @Provide
  Arbitrary<byte[]> randomValues() {
    return Combinators.combine(Arbitraries.of("id", "date", "member", "amount", "reason", "operation"),
        Arbitraries.strings().ofMaxLength(60))
        .as((field, value) -> {
          String json = FINE.replace("FUZZ-1", "FUZZ-" + Integer.toHexString(value.hashCode()));
          return json.replaceFirst("\"" + field + "\": \"[^\"]*\"", java.util.regex.Matcher.quoteReplacement(
              "\"" + field + "\": \"" + escaped(value) + "\"")).getBytes(StandardCharsets.UTF_8);
        });
  }

  /** A plausible value for each field, so that a request fails (if it does) for the one field made odd. */
  private static final java.util.Map<String, String> PLAUSIBLE = java.util.Map.ofEntries(
      java.util.Map.entry("date", "2024-06-01"), java.util.Map.entry("member", "M02"),
      java.util.Map.entry("amount", "10"), java.util.Map.entry("loan", "L1"), java.util.Map.entry("entry", "SEED-SAVE"),
      java.util.Map.entry("description", "stationery"), java.util.Map.entry("present", "M01,M02"));

  private static final List<String> ODD = List.of("", " ", "0", "-1", "0.001", "1e9", "99999999999999999999999",
      "2024-02-30", "9999-12-31", "0001-01-01", "M99", "L9", "emi", "open", "bank", "welfare", "full", "12", "1001",
      "M01,M01", ",,,", "a".repeat(500), "\u202e", "<b>", "'; DROP TABLE x; --");

  /** Any operation, its required fields plausible, one field (any it takes) odd or random. */
  @Provide
  Arbitrary<byte[]> anyOperation() {
    return Combinators.combine(Arbitraries.of(List.copyOf(Operations.ALL.values())), Arbitraries.integers().between(0, 50),
        Arbitraries.oneOf(Arbitraries.of(ODD), Arbitraries.strings().ofMaxLength(40)), Arbitraries.longs())
        .as((spec, pick, odd, n) -> {
          List<String> fields = List.copyOf(spec.fields()).subList(1, spec.fields().size());
          String chosen = fields.get(pick % fields.size());
          StringBuilder json = new StringBuilder("{\"operation\": \"" + spec.name() + "\"");
          for (String field : fields) {
            String value = field.equals(chosen) ? odd
                : field.equals("id") ? "ANY-" + Long.toHexString(n)
                : spec.required().contains(field) ? PLAUSIBLE.getOrDefault(field, "x") : null;
            if (value != null) {
              json.append(", \"").append(field).append("\": \"").append(escaped(value)).append('"');
            }
          }
          return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        });
  }

  @Provide
  Arbitrary<byte[]> editedJson() {
    return edits(FINE.replace("FUZZ-1", "EDIT"));
  }

  // ---- CSV ----

  private static final String REGISTER = "date,member,present,savings,fine\n"
      + "2024-05-04,M01,Y,100,\n2024-05-04,M02,Y,100,5\n2024-05-04,M03,N,100,\n";

  private static final String STATEMENT = "Date,Narration,Withdrawal,Deposit,Balance\n"
      + "05/05/2024,CASH DEPOSIT BY SELF,,500.00,500.00\n20/05/2024,INTEREST CREDIT,,2.00,502.00\n";

  /** CSV that no import may take: not UTF-8, NUL in a field, a bad value, an unknown member, a broken balance. */
  @Provide
  Arbitrary<byte[]> badCsv() {
    return Arbitraries.oneOf(
        Arbitraries.of(REGISTER, STATEMENT).flatMap(this::badUtf8),
        Arbitraries.of(REGISTER.replace("100,5", "1\u000000,5"), STATEMENT.replace("500.00,500.00", "5\u000000.00,500.00"),
            REGISTER.replace("100,5", "ten,5"), REGISTER.replace("M03", "M77"),
            REGISTER.replace("2024-05-04,M02", "2024-13-45,M02"), REGISTER.replace("savings", "savings,savings"),
            STATEMENT.replace("502.00", "999.00"), STATEMENT.replace("20/05/2024", "31/02/2024"),
            "date,member,present,savings\n2024-05-04,M01,Y," + "9".repeat(5_000) + "\n",
            "date,member\n2024-05-04," + "M".repeat(20_000) + "\n").map(csv -> (Object) csv),
        Arbitraries.integers().between(1, 2_000).map(columns -> (Object) ("date,member," + "x,".repeat(columns)
            + "\n2024-05-04,M01\n")))
        .map(text -> text instanceof byte[] bytes ? bytes : ((String) text).getBytes(StandardCharsets.UTF_8));
  }

  /** CSV whose fate is the import's to decide (empty, a header alone, a quote left open, random bytes). */
  @Provide
  Arbitrary<byte[]> oddCsv() {
    return Arbitraries.oneOf(
        Arbitraries.of("", "\n\n\n", "\"", "date,member\n", "date,member,present\n2024-05-04,\"M01,Y\n",
            "no,header,here\n1,2,3\n", REGISTER + "2024-05-04,M01,Y,100,\n",
            "Date,Narration,Withdrawal,Deposit,Balance\n" + "01/06/2024,X,,1.00,1.00\n".repeat(3) + "\"unclosed")
            .map(csv -> csv.getBytes(StandardCharsets.UTF_8)),
        randomBytes().map(bytes -> (byte[]) bytes));
  }

  private static final String BOUNDARY = "fuzz-boundary-51c2";

  /** Forms for the passbook import: parts named oddly, repeated, empty, cut short, or random bytes. */
  @Provide
  Arbitrary<byte[]> oddForm() {
    Arbitrary<String> part = Combinators.combine(Arbitraries.of("statement", "rules", "notes", "", "statement\"; x=\"y"),
        Arbitraries.of(STATEMENT, "INTEREST -> 4200\n", "(( -> 1000\n", "", "\u0000\u0001", "x".repeat(3_000)),
        Arbitraries.of(true, false))
        .as((name, content, file) -> "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
            + (file ? "; filename=\"" + name + ".txt\"" : "") + "\r\n\r\n" + content + "\r\n");
    Arbitrary<byte[]> forms = Combinators.combine(part.list().ofMaxSize(4), Arbitraries.of("--" + BOUNDARY + "--\r\n",
        "", "--" + BOUNDARY, "--other--\r\n"))
        .as((parts, end) -> (String.join("", parts) + end).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(forms, edits("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"statement\""
        + "\r\n\r\n" + STATEMENT + "\r\n--" + BOUNDARY + "--\r\n"),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300));
  }

  @Provide
  Arbitrary<byte[]> editedCsv() {
    return Arbitraries.of(REGISTER, STATEMENT).flatMap(BodyFuzzProperties::edits);
  }

  /** A good body with a few characters deleted, inserted or replaced. */
  private static Arbitrary<byte[]> edits(String good) {
    Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, good.length() - 1), Arbitraries.chars().ascii())
        .as((kind, at, c) -> new int[] {kind, at, c});
    return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
      StringBuilder text = new StringBuilder(good);
      for (int[] one : edits) {
        int at = Math.min(one[1], text.length() - 1);
        if (at < 0) {
          continue;
        }
        switch (one[0]) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, (char) one[2]);
          default -> text.setCharAt(at, (char) one[2]);
        }
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    });
  }

  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
