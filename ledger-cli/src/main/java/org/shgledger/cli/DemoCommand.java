package org.shgledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.shgledger.cli.SeedBooks.Built;
import org.shgledger.cli.SeedBooks.Seed;
import org.shgledger.group.Group;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalEntry;
import org.shgledger.money.MoneyFormats;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shg demo}: builds the seed groups ({@link SeedBooks}) into a scratch database, through
 * the same commands and importers a user runs, and prints the first group's statement for its
 * last financial year and the other groups' figures at its end in a few lines. The database is a temporary file, deleted before the command ends: the demo
 * leaves nothing in the working directory and ignores {@code SHG_DB}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Build the made-up groups of seeds/ (part of the program) into a scratch database, as"
          + " 'shg group create' and 'shg import' would, and print the first group's statement for"
          + " its last financial year, as 'shg statement' does, and the others' figures at its end.",
      "The scratch database is deleted afterwards: nothing is saved.",
      "Example: shg demo"
    })
final class DemoCommand implements Callable<Integer> {

  /** A report on one group's books for a period, as text. */
  @FunctionalInterface
  interface Report {

    /**
     * Formats the report.
     *
     * @param store the books, not null
     * @param group the group, not null
     * @param from the first day of the period, not null
     * @param to the last day of the period, not null
     * @return the text, lines ending in {@code \n}, not null
     */
    String format(LedgerStore store, BookId group, LocalDate from, LocalDate to);
  }

  /** What the demo prints for each group: the group statement of {@code shg statement}. */
  static final Report REPORT = StatementCommand::text;

  /** The width of the header's lines: a terminal's 80 columns, less a margin. */
  private static final int WIDTH = 78;

  /** Joins words that {@link #wrap} must not split; printed as a space. */
  private static final char NO_BREAK = '\u00a0';

  /**
   * Where the scratch directory is made: null for the system's temporary directory. Tests replace
   * it, to see that nothing is left behind.
   */
  static Path scratchParent = null;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path scratch = scratchDirectory();
    try {
      Path database = scratch.resolve("demo.db");
      List<Built> built = new ArrayList<>();
      for (Seed seed : SeedBooks.groups()) {
        built.add(SeedBooks.build(seed, database));
      }
      try (LedgerStore store = LedgerStore.openSqlite(database)) {
        String separator = "";
        for (Built group : built) {
          BookId code = group.seed().code();
          LocalDate to = yearEnd(store, code);
          LocalDate from = to.plusDays(1).minusYears(1);
          out.print(separator);
          out.print(header(store, group));
          // the first group in full; the others in a few lines, so that the demo stays short
          out.print(separator.isEmpty() ? REPORT.format(store, code, from, to) : summary(store, code, to));
          separator = "\n";
        }
      }
    } finally {
      delete(scratch, spec.commandLine().getErr());
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Which group this is, that it is made up, and where its books came from, with the counts a
   * reader can check against the seed's files.
   */
  private static String header(LedgerStore store, Built built) {
    Seed seed = built.seed();
    Group group = store.engine().group(seed.code());
    int members = store.registry().members(seed.code()).size();
    int meetings = store.registry().meetings(seed.code()).size();
    long bankLines = built.passbook().lines();
    return wrap("Demo: " + group.name() + " [" + group.code() + "], a made-up Self Help Group.")
        + wrap("Its books were built just now, by the same imports as 'shg import', from the files"
            + " in " + seed.path("") + ": " + count(members, "members") + ", "
            + count(meetings, "meetings") + ", " + count(bankLines, "bank lines") + " ("
            + count(built.passbook().suspense(), "to Suspense") + "). The scratch database they"
            + " were built in is deleted when the demo ends.")
        + "\n";
  }

  /**
   * A later group's figures at the end of its year, in a few lines: where its money is and whom it
   * owes. The seed's README tells its story.
   */
  private static String summary(LedgerStore store, BookId code, LocalDate to) {
    // each figure stays on one line with what it is
    Function<String, String> at = account -> NO_BREAK + MoneyFormats.indian(
        store.journal().balance(code, AccountCode.of(account), to).normalBalance());
    return wrap("On " + to + ": cash in hand" + at.apply("1000") + ", bank" + at.apply("1100")
        + ", loans to members" + at.apply("1200") + "; members' savings" + at.apply("2000")
        + " compulsory and" + at.apply("2100") + " voluntary, bank loan" + at.apply("2200")
        + ", grants" + at.apply("3000") + ". (Its statement is as the first group's; see the"
        + " README in its folder.)");
  }

  /** A number and what it counts, kept on one line by {@link #wrap}. */
  private static String count(long number, String what) {
    return (number + " " + what).replace(' ', NO_BREAK);
  }

  /**
   * Words wrapped into lines of at most {@link #WIDTH} characters; a longer word keeps a line of
   * its own, and words joined by {@link #NO_BREAK} stay together.
   */
  static String wrap(String paragraph) {
    StringBuilder text = new StringBuilder();
    int lineStart = 0;
    for (String word : paragraph.split(" +")) {
      if (text.length() > lineStart && text.length() - lineStart + 1 + word.length() > WIDTH) {
        text.append('\n');
        lineStart = text.length();
      } else if (text.length() > lineStart) {
        text.append(' ');
      }
      text.append(word);
    }
    return text.append('\n').toString().replace(NO_BREAK, ' ');
  }

  /** The last day of the financial year of the group's latest entry. */
  private static LocalDate yearEnd(LedgerStore store, BookId code) {
    Group group = store.engine().group(code);
    LocalDate latest = store.journal().entries(code).stream().map(JournalEntry::date)
        .max(Comparator.naturalOrder()).orElse(group.formed());
    return group.financialYearStarting(latest).plusYears(1).minusDays(1);
  }

  private static Path scratchDirectory() {
    try {
      return scratchParent == null
          ? Files.createTempDirectory("shg-demo-")
          : Files.createTempDirectory(scratchParent, "shg-demo-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a scratch directory for the demo's database", e);
    }
  }

  /**
   * Deletes the scratch directory and whatever SQLite left in it (the database, its log). A
   * failure is only reported: it must not hide the demo's result or the error that ended it.
   */
  private static void delete(Path directory, PrintWriter err) {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      err.println("shg: could not delete the demo's scratch database in " + directory + ": " + e.getMessage());
      err.flush();
    }
  }
}
