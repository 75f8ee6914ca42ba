package org.shgledger.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import org.shgledger.journal.BookId;
import org.shgledger.store.JdbcJournal;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.Verification;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code shg verify [GROUP]}: checks that the stored books are what was recorded, book by book,
 * and names the first entry that is not.
 */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Check that the stored books are exactly what was recorded: every entry against its hash "
          + "and the chain of hashes, every balance against the sum of the postings, every row of "
          + "the registry (members, loans and their events, meetings, accounts and their limits, "
          + "locks, the group's rules) against the registry chain, no balance below its limit on "
          + "any day, and nothing recorded into a locked period.",
      "Prints one line per book: OK with the number of entries and the hash of the last one, and "
          + "the number of registry rows and the hash of the last one's event (write them down to "
          + "check later that nothing was changed or removed), or the first thing that does not "
          + "match.",
      "Exits with 1 if any book does not verify, or does not hold a --expect'ed head.",
      "Example: shg verify --db shg.db",
      "Example: shg verify SHG01 --expect 4f1c…e9a0:1204 --expect-registry 9b2d…07c1:57 --db shg.db"
    })
final class VerifyCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private DbOptions db;

  @Parameters(
      arity = "0..1",
      paramLabel = "GROUP",
      converter = BookIdConverter.class,
      description = "The group's book id, such as SHG01 (default: every book).")
  private BookId group;

  @Option(names = "--expect", paramLabel = "HEAD:COUNT", converter = AnchorWord.class,
      description = "An anchor written down earlier (the head hash and entry count a verify printed): the"
          + " book must still hold that hash at that entry number. Catches entries cut off the end,"
          + " which the chain alone cannot. Needs GROUP.")
  private Anchor expect;

  @Option(names = "--expect-registry", paramLabel = "HEAD:COUNT", converter = AnchorWord.class,
      description = "A registry anchor written down earlier (the registry head hash and row count a verify"
          + " printed): the registry must still hold that hash at that event number. Needs GROUP.")
  private Anchor expectRegistry;

  @Option(names = "--anchor", paramLabel = "FILE",
      description = "Append each book that verifies to FILE, one line: GROUP HEAD:COUNT TIME (keep the"
          + " file away from the database, to check against with --expect later).")
  private Path anchorFile;

  /** A head hash and the entry count it was the head at. */
  record Anchor(String head, long count) {}

  /** Reads {@code HEAD:COUNT}. */
  static final class AnchorWord implements ITypeConverter<Anchor> {
    @Override
    public Anchor convert(String value) {
      int colon = value.lastIndexOf(':');
      String head = colon < 0 ? "" : value.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
      String count = colon < 0 ? "" : value.substring(colon + 1).trim();
      if (!head.matches("[0-9a-f]{64}") || !count.matches("[1-9][0-9]{0,17}")) {
        throw new picocli.CommandLine.TypeConversionException(
            "an anchor is HEAD:COUNT, the 64 hex digits of a head hash and its entry count, as shg verify prints them");
      }
      return new Anchor(head, Long.parseLong(count));
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if ((expect != null || expectRegistry != null) && group == null) {
      throw new ParameterException(spec.commandLine(),
          (expect != null ? "--expect" : "--expect-registry") + " names one book's anchor: give GROUP");
    }
    if (anchorFile != null) {
      requireAnchorApartFromBooks();
    }
    try (LedgerStore store = db.openExisting()) {
      JdbcJournal journal = store.journal();
      List<Verification> results =
          group == null ? journal.verifyAll() : List.of(journal.verify(group));
      if (results.isEmpty()) {
        out.println("no books in " + store.location());
      }
      boolean allOk = true;
      for (Verification result : results) {
        out.println(line(result));
        allOk &= result.isOk();
      }
      if (expect != null && results.get(0).isOk()) {
        allOk &= expected(journal, results.get(0), out);
      }
      if (expectRegistry != null && results.get(0).isOk()) {
        allOk &= expectedRegistry(journal, results.get(0), out);
      }
      if (anchorFile != null) {
        appendAnchors(results);
      }
      out.flush();
      return allOk ? ExitCodes.OK : ExitCodes.CHECK_FAILED;
    }
  }

  /** Whether the book still holds the expected head at its count, said on one line. */
  private boolean expected(JdbcJournal journal, Verification result, PrintWriter out) {
    java.util.Optional<String> then = journal.entryHash(result.book(), expect.count());
    if (then.isEmpty()) {
      out.println(result.book() + ": ANCHOR NOT MET: the book has " + result.entriesChecked() + " entries, fewer than the "
          + expect.count() + " of the anchor: entries were removed from its end");
      return false;
    }
    if (!then.get().equals(expect.head())) {
      out.println(result.book() + ": ANCHOR NOT MET: entry number " + expect.count() + " has hash " + then.get()
          + ", not the anchor's " + expect.head() + ": the book was rewritten");
      return false;
    }
    out.println(result.book() + ": anchor met: entry number " + expect.count() + " still has hash " + expect.head());
    return true;
  }

  /** Whether the book's registry still holds the expected head at its count, said on one line. */
  private boolean expectedRegistry(JdbcJournal journal, Verification result, PrintWriter out) {
    java.util.Optional<String> then = journal.registryHash(result.book(), expectRegistry.count());
    if (then.isEmpty()) {
      out.println(result.book() + ": REGISTRY ANCHOR NOT MET: the registry has " + result.registryEventsChecked()
          + " rows, fewer than the " + expectRegistry.count() + " of the anchor: rows were removed with their events");
      return false;
    }
    if (!then.get().equals(expectRegistry.head())) {
      out.println(result.book() + ": REGISTRY ANCHOR NOT MET: registry event number " + expectRegistry.count()
          + " has hash " + then.get() + ", not the anchor's " + expectRegistry.head() + ": the registry was rewritten");
      return false;
    }
    out.println(result.book() + ": registry anchor met: registry event number " + expectRegistry.count()
        + " still has hash " + expectRegistry.head());
    return true;
  }

  /** An anchor appended to the books would destroy them, and is of no use kept inside them. */
  private void requireAnchorApartFromBooks() {
    for (Path book : db.bookFiles()) {
      boolean same;
      try {
        same = Files.exists(book) && Files.exists(anchorFile) ? Files.isSameFile(book, anchorFile)
            : book.toAbsolutePath().normalize().equals(anchorFile.toAbsolutePath().normalize());
      } catch (java.io.IOException e) {
        same = false;
      }
      if (same) {
        throw new ParameterException(spec.commandLine(), "--anchor " + anchorFile + " is the database itself:"
            + " keep the anchors in a file of their own, away from the books");
      }
    }
  }

  private void appendAnchors(List<Verification> results) {
    StringBuilder lines = new StringBuilder();
    String now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    for (Verification result : results) {
      if (result.isOk() && result.entriesChecked() > 0) {
        lines.append(result.book()).append(' ').append(result.headHash()).append(':')
            .append(result.entriesChecked()).append(' ').append(now).append(" registry ")
            .append(result.registryHeadHash()).append(':').append(result.registryEventsChecked()).append('\n');
      }
    }
    try {
      Files.writeString(anchorFile, lines, java.nio.charset.StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot append to " + anchorFile + ": " + e.getMessage(), e);
    }
  }

  /** One book's result on one line. */
  static String line(Verification result) {
    if (result.isOk()) {
      return result.book() + ": OK, " + result.entriesChecked()
          + (result.entriesChecked() == 1 ? " entry" : " entries") + ", head " + result.headHash()
          + "; registry " + result.registryEventsChecked() + (result.registryEventsChecked() == 1 ? " row" : " rows")
          + ", head " + result.registryHeadHash();
    }
    Verification.Mismatch mismatch = result.mismatch().orElseThrow();
    String where =
        mismatch.entry().map(id -> " at entry " + id + " (number " + mismatch.sequence() + ")")
            .orElse(mismatch.kind() == Verification.Kind.REGISTRY && mismatch.sequence() > 0
                ? " at registry event number " + mismatch.sequence() : "");
    return result.book() + ": MISMATCH" + where + ": "
        + mismatch.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + mismatch.detail()
        + " (" + after(result, mismatch.kind()) + ")";
  }

  /** What verified before the mismatch. */
  private static String after(Verification result, Verification.Kind kind) {
    switch (kind) {
      case REGISTRY:
        return result.registryEventsChecked() + " registry rows before it verified; the entries are checked after them";
      case LIMIT:
      case LOCK:
        return "the " + result.entriesChecked() + " entries and " + result.registryEventsChecked()
            + " registry rows match what was recorded";
      default:
        return result.entriesChecked() + " entries before it verified";
    }
  }

  /** Reads a book id, so that a malformed one is a usage error naming the rule. */
  static final class BookIdConverter implements ITypeConverter<BookId> {
    @Override
    public BookId convert(String value) {
      return BookId.of(value);
    }
  }
}
