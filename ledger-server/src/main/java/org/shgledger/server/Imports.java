package org.shgledger.server;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import java.util.Optional;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookProfile;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * The imports of the API: {@code POST /api/v1/groups/{group}/imports/meetings} and {@code
 * /imports/passbook}, whose body is the CSV file itself, read by the same core code as {@code shg
 * import meetings} and {@code shg import passbook} (docs/server.md, "Imports"). An import is all or
 * nothing: a problem anywhere is a 400 listing each problem with its line and column, and nothing
 * is recorded. Importing the same file again records nothing, as on the command line: the
 * register's operations and the passbook's lines carry ids derived from the file's content.
 */
final class Imports {

  /**
   * The largest import body, in bytes: a group's meeting register or passbook for many years is
   * well under a mebibyte. The server holds the body in memory while it imports.
   */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /** The name problems carry for the body, as the command line's carry the file's. */
  static final String FILE = "body";

  /** The name problems carry for the rules part of a passbook import. */
  static final String RULES = "rules";

  private static final ImportLimits REGISTER = RegisterLimits.DEFAULT.withMaxFileBytes(MAX_BODY_BYTES);
  private static final ImportLimits PASSBOOK = ImportLimits.DEFAULT.withMaxFileBytes(MAX_BODY_BYTES);

  private final LedgerStore store;

  Imports(LedgerStore store) {
    this.store = store;
  }

  /**
   * {@code shg import meetings GROUP FILE [--dry-run]}.
   *
   * @param code the group, not null
   * @param body the register, UTF-8 CSV, not null
   * @param dryRun true to check and record nothing
   * @return the outcome: 201 if anything was recorded, else 200
   */
  Operations.Outcome meetings(BookId code, byte[] body, boolean dryRun) {
    ImportResult result;
    try (CsvTable table = CsvTable.of(FILE, new ByteArrayInputStream(body), REGISTER, null)) {
      result = MeetingImport.run(store.engine(), code, table, REGISTER, dryRun);
    }
    int recorded = dryRun ? 0 : result.recorded().size();
    return new Operations.Outcome(recorded > 0 ? 201 : 200, Bodies.object("shg.imported/1", json -> {
      json.writeStringField("group", code.value());
      json.writeStringField("import", "meetings");
      json.writeBooleanField("dry_run", dryRun);
      json.writeNumberField("rows", result.rows());
      json.writeNumberField("recorded", result.recorded().size());
      json.writeNumberField("already_recorded", result.alreadyRecorded());
      json.writeArrayFieldStart("operations");
      for (String line : result.recorded()) {
        json.writeString(line);
      }
      json.writeEndArray();
    }));
  }

  /**
   * The two parts of a passbook import sent as {@code multipart/form-data}: {@code statement}, the
   * bank's export, and {@code rules}, the NGO's rules as {@code shg import passbook --rules FILE}
   * reads them; each a file part or a plain field, and no other part. The body is read whole first
   * (within its limit) and parsed here by Jetty's multipart parser, so that a malformed form is a
   * 400 like any bad body, never a connection dropped mid-request.
   *
   * @param body the request's body, within {@link #MAX_BODY_BYTES}, not null
   * @param contentType the request's {@code Content-Type}, with its boundary, not null
   * @return the statement's bytes and the rules' text (null when there is no rules part)
   * @throws BadRequest for a form that does not parse, or a part missing, repeated or unknown
   */
  static Form form(byte[] body, String contentType) {
    String boundary = MultiPart.extractBoundary(contentType);
    if (boundary == null || boundary.isEmpty()) {
      throw new BadRequest("body", "a multipart/form-data body needs its boundary in the Content-Type");
    }
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(boundary);
    parser.setMaxLength(MAX_BODY_BYTES);
    parser.setMaxMemoryFileSize(MAX_BODY_BYTES);
    parser.setMaxParts(10);
    parser.setUseFilesForPartsWithoutFileName(false);
    MultiPartFormData.Parts parts;
    try {
      parts = parser.parse(Content.Source.from(ByteBuffer.wrap(body))).get();
    } catch (ExecutionException e) {
      throw new BadRequest("body", "the body is not a well-formed multipart/form-data form of the parts "
          + "statement and rules");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading a form", e);
    }
    byte[] statement = null;
    byte[] rules = null;
    try (parts) {
      for (MultiPart.Part part : parts) {
        String name = part.getName() == null ? "" : part.getName();
        if (!name.equals("statement") && !name.equals("rules")) {
          throw new BadRequest(name, "unknown part '" + name + "'; the parts are statement and rules");
        }
        if (parts.getAll(name).size() > 1) {
          throw new BadRequest(name, "part '" + name + "' is given twice");
        }
        byte[] content = bytes(part);
        if (name.equals("statement")) {
          statement = content;
        } else {
          rules = content;
        }
      }
    }
    if (statement == null) {
      throw new BadRequest("statement", "part 'statement' is required: the bank's export");
    }
    return new Form(statement, rules == null ? null : new String(rules, StandardCharsets.UTF_8));
  }

  /** A part's bytes as sent: ISO-8859-1 maps each byte to one char and back, so nothing is decoded here. */
  private static byte[] bytes(MultiPart.Part part) {
    return part.getContentAsString(StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A passbook import's parts. */
  record Form(byte[] statement, String rules) {}

  /**
   * {@code shg import passbook GROUP FILE [--profile NAME] [--rules FILE] [--dry-run]}.
   *
   * @param code the group, not null
   * @param body the bank's export, UTF-8 CSV or tab-separated, not null
   * @param rules the rules' text, or null for the built-in rules
   * @param profile the bank's layout, or null to recognise it from the header
   * @param dryRun true to check and record nothing
   * @return the outcome: 201 if any line was recorded, else 200
   */
  Operations.Outcome passbook(BookId code, byte[] body, String rules, String profile, boolean dryRun) {
    PassbookImporter.Options options = PassbookImporter.Options.defaults().withLimits(PASSBOOK).withDryRun(dryRun);
    if (rules != null) {
      options = options.withRules(PassbookRules.parse(RULES, rules));
    }
    if (profile != null) {
      Optional<PassbookProfile> named = PassbookProfile.named(profile);
      if (named.isEmpty()) {
        throw new BadRequest("profile", "unknown profile '" + profile + "': choose "
            + String.join(", ", PassbookProfile.BUILT_IN.stream().map(PassbookProfile::name).toList()));
      }
      options = options.withProfile(named.get());
    }
    PassbookImportReport report = new PassbookImporter(store.engine())
        .importSource(code, FILE, () -> new ByteArrayInputStream(body), options);
    long recorded = dryRun ? 0 : report.recorded();
    return new Operations.Outcome(recorded > 0 ? 201 : 200, Bodies.object("shg.imported/1", json -> {
      json.writeStringField("group", code.value());
      json.writeStringField("import", "passbook");
      json.writeBooleanField("dry_run", dryRun);
      json.writeStringField("profile", report.profile());
      json.writeNumberField("lines", report.lines());
      json.writeNumberField("recorded", report.recorded());
      json.writeNumberField("already_recorded", report.alreadyRecorded());
      json.writeNumberField("suspense", report.suspense());
      json.writeNumberField("left_to_register", report.leftToRegister());
      json.writeArrayFieldStart("notes");
      for (String note : report.notes()) {
        json.writeString(note);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("warnings");
      for (String warning : report.warnings()) {
        json.writeString(warning);
      }
      json.writeEndArray();
    }));
  }

  /**
   * A refused import's 400: the first problem as the message, and every problem with its line and
   * column, as {@code shg import} prints them as {@code FILE:LINE:COLUMN: reason}.
   *
   * @param refused the import's problems, not null
   * @return the document
   */
  static String problems(ImportException refused) {
    ImportProblem first = refused.problems().get(0);
    return Bodies.object("shg.error/1", json -> {
      json.writeStringField("error", "BAD_REQUEST");
      json.writeStringField("message", where(first) + first.reason() + "; nothing was imported");
      json.writeStringField("field", "body");
      json.writeArrayFieldStart("problems");
      for (ImportProblem problem : refused.problems()) {
        json.writeStartObject();
        json.writeStringField("file", problem.file());
        json.writeNumberField("line", problem.line());
        json.writeNumberField("column", problem.column());
        json.writeStringField("reason", problem.reason());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeBooleanField("truncated", refused.truncated());
    });
  }

  private static String where(ImportProblem problem) {
    String file = problem.file().equals(FILE) ? "" : problem.file() + ":";
    return problem.line() == 0 ? file : file + problem.line() + ":" + problem.column() + ": ";
  }
}
