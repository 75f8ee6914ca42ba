package org.shgledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.register.RosterImport;
import org.shgledger.importing.passbook.PassbookImportReport;
import org.shgledger.importing.passbook.PassbookImporter;
import org.shgledger.importing.passbook.PassbookRules;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The seed groups: made-up groups whose files live in the repository's {@code seeds/} directory
 * and are packaged into the program as class-path resources under {@code seeds/}, so that they
 * are found from the jar in any working directory (seeds/README.md describes them).
 *
 * <p>{@link #groups()} lists them in the order of {@code seeds/groups.txt}; {@link #build} brings
 * one into a database as a treasurer would from the command line: {@code shg group create} with
 * the arguments of its {@code group.txt}, then the roster, the meeting register and the passbook
 * with its rules, through the very importers that {@code shg import members|meetings|passbook}
 * run. A broken seed is reported as those commands report a broken file.
 */
final class SeedBooks {

  /** Where the seeds are on the class path. */
  static final String ROOT = "seeds/";

  /** The list of seed folders, one a line. */
  static final String INDEX = ROOT + "groups.txt";

  private SeedBooks() {}

  /**
   * One seed group: its folder and its definition.
   *
   * @param folder the folder under {@code seeds/}, such as {@code shg01-roshni}, not null
   * @param code the group's code, the first argument of its {@code group.txt}, not null
   * @param createArguments the arguments of {@code shg group create} for it, code first, not null
   */
  record Seed(String folder, BookId code, List<String> createArguments) {

    /**
     * Creates a seed.
     *
     * @throws NullPointerException if an argument is null
     */
    Seed {
      Objects.requireNonNull(folder, "folder");
      Objects.requireNonNull(code, "code");
      createArguments = List.copyOf(createArguments);
    }

    /**
     * The class-path name of one of its files, which is also its path in the repository.
     *
     * @param file such as {@code members.csv}, not null
     * @return such as {@code seeds/shg01-roshni/members.csv}, not null
     */
    String path(String file) {
      return ROOT + folder + "/" + file;
    }
  }

  /**
   * What building a seed group recorded.
   *
   * @param seed the group, not null
   * @param members the roster import's result, not null
   * @param meetings the meeting register import's result, not null
   * @param passbook the passbook import's report, not null
   */
  record Built(Seed seed, ImportResult members, ImportResult meetings, PassbookImportReport passbook) {}

  /**
   * The seed groups, in the order of {@code seeds/groups.txt}.
   *
   * @return at least one group, not null
   * @throws IllegalStateException if the program holds no seeds or a malformed {@code group.txt}
   *     (a fault of the build, not of the user)
   */
  static List<Seed> groups() {
    List<Seed> seeds = new ArrayList<>();
    for (String folder : lines(INDEX)) {
      seeds.add(seed(folder));
    }
    if (seeds.isEmpty()) {
      throw new IllegalStateException(INDEX + " names no seed group");
    }
    return seeds;
  }

  /**
   * Reads one seed group's definition, its {@code group.txt}: the group's code on the first line,
   * then one option of {@code shg group create} a line with its value after the first space
   * ({@code --name Roshni Mahila Samooh}); blank lines and lines starting with {@code #} are
   * skipped.
   *
   * @param folder the folder under {@code seeds/}, not null
   * @return the seed, not null
   * @throws IllegalStateException if there is no such folder in the program, or no code
   */
  static Seed seed(String folder) {
    String path = ROOT + folder + "/group.txt";
    List<String> arguments = groupArguments(text(path));
    if (arguments.isEmpty()) {
      throw new IllegalStateException(path + " names no group");
    }
    return new Seed(folder, BookId.of(arguments.get(0)), arguments);
  }

  /**
   * The arguments of {@code shg group create} that a {@code group.txt} holds (as {@link #seed}
   * reads it; {@code shg generate} writes the same format).
   *
   * @param groupFile the file's text, not null
   * @return the arguments, the group's code first; empty if the file names no group
   */
  static List<String> groupArguments(String groupFile) {
    List<String> arguments = new ArrayList<>();
    for (String line : lines(groupFile.lines())) {
      int space = line.indexOf(' ');
      if (space < 0) {
        arguments.add(line);
      } else {
        arguments.add(line.substring(0, space));
        arguments.add(line.substring(space + 1).strip());
      }
    }
    return arguments;
  }

  /**
   * Builds one seed group into a SQLite database: creates the group with {@code shg group
   * create}, then imports its roster, meeting register and passbook (with its rules), each all or
   * nothing in one transaction. Building it again into the same database records nothing more.
   *
   * @param seed the group, not null
   * @param database the SQLite file, created if it does not exist, not null
   * @return what was recorded, not null
   * @throws org.shgledger.importing.ImportException if a seed file has problems, naming
   *     {@code seeds/FOLDER/FILE:LINE:COLUMN}
   * @throws IllegalStateException if {@code shg group create} refuses the seed's arguments
   */
  static Built build(Seed seed, Path database) {
    createGroup(seed, database);
    try (LedgerStore store = LedgerStore.openSqlite(database)) {
      ImportResult members;
      try (CsvTable table = table(seed.path("members.csv"))) {
        members = RosterImport.run(store.engine(), seed.code(), table, RegisterLimits.DEFAULT, false);
      }
      ImportResult meetings;
      try (CsvTable table = table(seed.path("meetings.csv"))) {
        meetings = MeetingImport.run(store.engine(), seed.code(), table, RegisterLimits.DEFAULT, false);
      }
      // the meetings first: the passbook's cash deposits take to the bank cash they collected
      String rules = seed.path("rules.txt");
      PassbookImporter.Options options = PassbookImporter.Options.defaults()
          .withRules(PassbookRules.parse(rules, text(rules)));
      String passbook = seed.path("passbook.csv");
      PassbookImportReport report = new PassbookImporter(store.journal(), store.unitOfWork())
          .importSource(seed.code(), passbook, () -> open(passbook), options);
      return new Built(seed, members, meetings, report);
    }
  }

  /**
   * Creates the group by running {@code shg group create} itself on the seed's arguments, so that
   * the seed defines the group exactly as a user would and no second reading of the options can
   * drift from the command's. Its output is not wanted here.
   */
  private static void createGroup(Seed seed, Path database) {
    GroupCommand.Create create = new GroupCommand.Create();
    CommandLine command = new CommandLine(create);
    command.setOut(new PrintWriter(Writer.nullWriter()));
    command.setErr(new PrintWriter(Writer.nullWriter()));
    List<String> arguments = new ArrayList<>(seed.createArguments());
    arguments.add("--db");
    arguments.add(database.toString());
    try {
      command.parseArgs(arguments.toArray(String[]::new));
      create.call();
    } catch (ParameterException e) {
      // a usage error of the seed, not of the user's command line: the program is at fault
      throw new IllegalStateException(seed.path("group.txt") + ": shg group create refuses it: "
          + e.getMessage(), e);
    }
  }

  private static CsvTable table(String path) {
    return CsvTable.of(path, open(path), RegisterLimits.DEFAULT, null);
  }

  private static InputStream open(String path) {
    InputStream in = SeedBooks.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException(
          "the program holds no " + path + ": the build should package the repository's seeds/");
    }
    return in;
  }

  private static String text(String path) {
    try (InputStream in = open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " from the program", e);
    }
  }

  /** A small text file's lines that say something: stripped, without blanks and comments. */
  private static List<String> lines(String path) {
    return lines(text(path).lines());
  }

  private static List<String> lines(Stream<String> lines) {
    return lines.map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
  }
}
