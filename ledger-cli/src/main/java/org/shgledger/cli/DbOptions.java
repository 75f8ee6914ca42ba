package org.shgledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.shgledger.cli.output.Destination;
import org.shgledger.group.DateLimits;
import org.shgledger.store.LedgerStore;
import org.shgledger.store.StoreException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Where the books are: the options every command that touches books mixes in. A SQLite file by
 * default, {@code shg.db} in the working directory or the file named by the environment variable
 * {@code SHG_DB}; {@code --db PATH} names another file and {@code --db-url JDBC_URL} a PostgreSQL
 * database instead. {@code --future-days N} (else the environment variable {@value
 * #FUTURE_DAYS_VARIABLE}, else {@value DateLimits#DEFAULT_FUTURE_DAYS}) is how far after today
 * the engine of the opened books takes a new record's date.
 *
 * <p>Use it in a command as {@code @Mixin DbOptions db;} and open the books with {@link #open()}
 * or {@link #openExisting()} in a try-with-resources: the {@link LedgerStore} holds the journal,
 * the groups' registry and the engine over both.
 */
public final class DbOptions implements Destination.Books {

  /** The database file used when neither an option nor {@value #ENVIRONMENT_VARIABLE} names one. */
  public static final String DEFAULT_FILE = "shg.db";

  /** The environment variable that names the default database file. */
  public static final String ENVIRONMENT_VARIABLE = "SHG_DB";

  /** The environment variable that sets the margin after today when {@code --future-days} is not given. */
  public static final String FUTURE_DAYS_VARIABLE = "SHG_FUTURE_DAYS";

  /** Reads environment variables; tests replace it. */
  static UnaryOperator<String> environment = System::getenv;

  /** Where the engine reads today (the computer's clock in its zone); tests fix it. */
  static Clock clock = Clock.systemDefaultZone();

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = {"-f", "--db"}, // -f as hledger names its data file
      paramLabel = "PATH",
      description =
          "The SQLite database file (default: the file named by SHG_DB, else shg.db in the "
              + "working directory).")
  private Path file;

  @Option(
      names = "--db-url",
      paramLabel = "JDBC_URL",
      description =
          "A PostgreSQL database instead of a file, as "
              + "jdbc:postgresql://HOST:PORT/DATABASE?user=NAME.")
  private String url;

  @Option(
      names = "--future-days",
      paramLabel = "N",
      description =
          "Refuse a new record dated more than N days after today, 0 to "
              + DateLimits.MAX_FUTURE_DAYS + " (default: the environment variable "
              + FUTURE_DAYS_VARIABLE + ", else " + DateLimits.DEFAULT_FUTURE_DAYS + ").")
  private Integer futureDays;

  /** Creates the options; picocli fills them in. */
  public DbOptions() {}

  /**
   * The SQLite file these options name, whether or not it exists.
   *
   * @return the path, not null
   */
  public Path file() {
    if (file != null) {
      return file;
    }
    String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
    return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_FILE : fromEnvironment);
  }

  /**
   * The SQLite file and the files SQLite keeps beside it (its write-ahead log, shared memory and
   * rollback journal), as named and, through a symbolic link, where it points: a command's
   * {@code --output} must replace none of them.
   *
   * @return the files, which need not exist; empty for {@code --db-url}, not null
   */
  @Override
  public List<Path> bookFiles() {
    if (url != null) {
      return List.of();
    }
    List<Path> databases = new ArrayList<>(List.of(file()));
    try {
      databases.add(file().toRealPath());
    } catch (IOException e) {
      // no such file yet: its companions are beside the name as given
    }
    List<Path> files = new ArrayList<>();
    for (Path database : databases) {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        files.add(database.resolveSibling(database.getFileName() + suffix));
      }
    }
    return files;
  }

  /**
   * Opens the books, creating an empty SQLite database if the file does not exist: for commands
   * that record.
   *
   * @return the store, to be closed, not null
   * @throws ParameterException if both {@code --db} and {@code --db-url} are given
   * @throws UncheckedIOException if the database cannot be opened
   */
  public LedgerStore open() {
    return open(false);
  }

  /**
   * Opens books that must already exist: for commands that only read or check, where a missing
   * file is a mistake (a wrong path) rather than a new set of books.
   *
   * @return the store, to be closed, not null
   * @throws ParameterException if both {@code --db} and {@code --db-url} are given
   * @throws UncheckedIOException if there is no such file or it cannot be opened
   */
  public LedgerStore openExisting() {
    return open(true);
  }

  /**
   * The dates the engine of the opened books takes: today by the computer's clock, and the margin
   * after it from {@code --future-days}, else {@value #FUTURE_DAYS_VARIABLE}, else {@value
   * DateLimits#DEFAULT_FUTURE_DAYS} days.
   *
   * @return the limits, not null
   * @throws ParameterException if the margin is not a whole number from 0 to {@value
   *     DateLimits#MAX_FUTURE_DAYS}, naming the option or the variable
   */
  public DateLimits dateLimits() {
    String source = "--future-days";
    int days = DateLimits.DEFAULT_FUTURE_DAYS;
    if (futureDays != null) {
      days = futureDays;
    } else {
      String fromEnvironment = environment.apply(FUTURE_DAYS_VARIABLE);
      if (fromEnvironment != null && !fromEnvironment.isBlank()) {
        source = FUTURE_DAYS_VARIABLE;
        try {
          days = Integer.parseInt(fromEnvironment.strip());
        } catch (NumberFormatException e) {
          days = -1;
        }
      }
    }
    if (days < 0 || days > DateLimits.MAX_FUTURE_DAYS) {
      throw new ParameterException(spec.commandLine(), source + " must be a whole number of days from 0 to "
          + DateLimits.MAX_FUTURE_DAYS + ", not "
          + (source.equals(FUTURE_DAYS_VARIABLE) ? "'" + environment.apply(FUTURE_DAYS_VARIABLE) + "'" : days));
    }
    return new DateLimits(clock, days);
  }

  private LedgerStore open(boolean mustExist) {
    if (file != null && url != null) {
      throw new ParameterException(spec.commandLine(), "give either --db or --db-url, not both");
    }
    DateLimits dates = dateLimits();
    try {
      if (url != null) {
        return LedgerStore.open(url, LedgerStore.DEFAULT_BUSY_TIMEOUT, dates);
      }
      Path path = file();
      if (mustExist && !Files.exists(path)) {
        throw new UncheckedIOException(
            "there are no books at " + path.toAbsolutePath()
                + " (name the database with --db PATH, --db-url or " + ENVIRONMENT_VARIABLE + ")",
            new NoSuchFileException(path.toString()));
      }
      return LedgerStore.openSqlite(path, LedgerStore.DEFAULT_BUSY_TIMEOUT, dates);
    } catch (StoreException e) {
      // not a broken rule of the books: the database itself could not be used
      throw new UncheckedIOException(e.getMessage(), new java.io.IOException(e));
    }
  }
}
