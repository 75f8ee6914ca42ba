package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output goes to standard output, or to a file that is written whole or not at all. */
class DestinationTest {

  /** A command that reads no books file. */
  private static final Destination.Books NO_BOOKS = List::of;

  private final StringWriter stdout = new StringWriter();

  @Test
  void withoutAFileWritesToStandardOutput() {
    Destination.write(null, NO_BOOKS, new PrintWriter(stdout), out -> out.write("नमस्ते\n"));
    assertEquals("नमस्ते\n", stdout.toString());
  }

  @Test
  void writesTheFileInUtf8AndNothingToStandardOutput(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.txt");
    Destination.write(file, NO_BOOKS, new PrintWriter(stdout), out -> out.write("₹ नमस्ते\n"));
    assertEquals("₹ नमस्ते\n", Files.readString(file, StandardCharsets.UTF_8));
    assertEquals("", stdout.toString());
  }

  @Test
  void aFailedRunLeavesTheOldFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.csv");
    Files.writeString(file, "the old report\n");

    assertThrows(UncheckedIOException.class, () -> Destination.write(file, NO_BOOKS, new PrintWriter(stdout), out -> {
      out.write("half of a new rep");
      throw new IOException("disk full");
    }));

    assertEquals("the old report\n", Files.readString(file));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aFailureInsideTheReportAlsoLeavesNoFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("report.csv");
    assertThrows(IllegalStateException.class, () -> Destination.write(file, NO_BOOKS, new PrintWriter(stdout), out -> {
      out.write("half");
      throw new IllegalStateException("a bug");
    }));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void aMissingDirectoryIsAnInputOutputError(@TempDir Path dir) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> Destination.write(dir.resolve("no/such/dir/x.csv"), NO_BOOKS, new PrintWriter(stdout), out -> out.write("x")));
    assertEquals(true, e.getMessage().contains("there is no directory"), e.getMessage());
  }
}
