package org.shgledger.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AfterContainer;

/** The statement's month rows on SQLite, a new file per life. */
@PropertyDefaults(tries = 25)
class SqliteStatementMonthProperties extends StatementMonthProperties {

  private static Path directory;
  private static int count;

  @Override
  protected String newDatabaseUrl() {
    synchronized (SqliteStatementMonthProperties.class) {
      try {
        if (directory == null) {
          directory = Files.createTempDirectory("shg-statement-months");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return "jdbc:sqlite:" + directory.resolve("books-" + ++count + ".db");
    }
  }

  @AfterContainer
  static void removeTheFiles() throws IOException {
    if (directory != null) {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
      directory = null;
    }
  }
}
