package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code --output FILE} may do to the file it names (docs/cli.md, "Output files"): it never
 * replaces the books the command reads, nor anything that is not a regular file; it writes through
 * to a character device or a FIFO and through a symbolic link, never replacing the link; it
 * replaces an existing report whole. A refused path is one line on standard error, exit 5, and
 * nothing written.
 */
class OutputPathTest {

  @TempDir Path dir;
  private TestBooks books;

  @BeforeEach
  void books() {
    books = TestBooks.withMembers(dir, "M01");
    books.ok("save", "SHG01", "M01", "--amount", "100", "--date", "2024-04-06");
  }

  /** The case: the report was written over the books, and the books were gone. */
  /** {@code --output -} is standard output, as for hledger (issue 15); no file named "-" appears. */
  @Test
  void aDashIsStandardOutput() {
    for (String[] command : List.of(new String[] {"trial-balance", "SHG01", "--format", "csv"},
        new String[] {"export", "SHG01", "--format", "gl-csv"})) {
      Run plain = books.run(command);
      String[] dashed = java.util.Arrays.copyOf(command, command.length + 2);
      dashed[command.length] = "--output";
      dashed[command.length + 1] = "-";
      Run run = books.run(dashed);

      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      assertEquals(plain.out(), run.out());
      assertTrue(!plain.out().isEmpty());
    }
    assertTrue(!Files.exists(dir.resolve("-")), "no file named -");
  }

  @Test
  void theBooksTheCommandReadsAreNeverReplaced() throws IOException {
    byte[] before = Files.readAllBytes(books.db());

    Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", books.db().toString());

    assertRefused(run, books.db(), "it is the database this command reads");
    assertArrayEquals(before, Files.readAllBytes(books.db()));
    assertEquals(ExitCodes.OK, books.run("trial-balance", "SHG01").exitCode(), "the books still open");
  }

  /** Another spelling of the same file, or a file SQLite keeps beside it, is the books too. */
  @Test
  void theBooksUnderAnotherNameOrTheirCompanionFilesAreNeverReplaced() throws IOException {
    byte[] before = Files.readAllBytes(books.db());
    Path otherSpelling = dir.resolve(".").resolve("shg.db");
    assertRefused(books.run("statement", "SHG01", "--output", otherSpelling.toString()),
        otherSpelling, "it is the database this command reads");
    for (String companion : List.of("-wal", "-shm", "-journal")) {
      Path file = dir.resolve("shg.db" + companion);
      assertRefused(books.run("export", "SHG01", "--format", "gl-csv", "--output", file.toString()),
          file, "it is the database this command reads");
    }
    assertArrayEquals(before, Files.readAllBytes(books.db()));
  }

  /** A link to a report is written through: the file it points to is replaced, the link stays. */
  @Test
  void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
    Path report = Files.writeString(dir.resolve("tb.csv"), "last month's report\n");
    Path link = Files.createSymbolicLink(dir.resolve("latest.csv"), report);

    Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", link.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertEquals(report, Files.readSymbolicLink(link));
    assertTrue(Files.readString(report).startsWith("code,account,debit,credit\r\n"),
        Files.readString(report));
  }

  /** A link to the books is the books. */
  @Test
  void aSymbolicLinkToTheBooksIsRefused() throws IOException {
    byte[] before = Files.readAllBytes(books.db());
    Path link = Files.createSymbolicLink(dir.resolve("report.csv"), books.db());

    Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", link.toString());

    assertRefused(run, link, "it is the database this command reads");
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
    assertArrayEquals(before, Files.readAllBytes(books.db()));
  }

  /** A link that points nowhere is refused rather than replaced by a file. */
  @Test
  void aSymbolicLinkToNothingIsRefused() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("report.csv"), dir.resolve("gone/tb.csv"));

    Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", link.toString());

    assertRefused(run, link, "it is a symbolic link to " + dir.resolve("gone/tb.csv")
        + ", which does not exist");
    assertTrue(Files.isSymbolicLink(link), "the link is still a link");
  }

  /** A FIFO is written through, as a shell's {@code >} would, and stays a FIFO. */
  @Test
  void aFifoIsWrittenThrough() throws Exception {
    Path fifo = dir.resolve("pipe");
    assumeTrue(run("mkfifo", fifo.toString()), "mkfifo is available");
    CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.readString(fifo, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });

    Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", fifo.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertTrue(isOther(fifo), "still a FIFO, not a regular file");
    assertTrue(reader.get(10, TimeUnit.SECONDS).startsWith("code,account,debit,credit\r\n"));
    assertNoTemporaryFile();
  }

  /**
   * A character device, such as {@code /dev/null} or the terminal behind {@code /dev/stdout}, is
   * written to, never replaced; and so through a link to it, as {@code /dev/stdout} is. The test
   * makes its own null device (root only), so that a regression cannot replace the machine's.
   */
  @Test
  void aCharacterDeviceIsWrittenToAndStaysADevice() throws IOException {
    Path device = dir.resolve("null");
    assumeTrue(run("mknod", device.toString(), "c", "1", "3"), "mknod is allowed (root)");
    Path stdout = Files.createSymbolicLink(dir.resolve("stdout"), device);

    for (Path target : List.of(device, stdout)) {
      Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", target.toString());

      assertEquals(ExitCodes.OK, run.exitCode(), run.err());
      assertTrue(isOther(device), "still a device");
      assertTrue(Files.isSymbolicLink(stdout), "the link is still a link");
    }
  }

  /** The convention kept: an existing report (a regular file, not the books) is replaced whole. */
  @Test
  void anExistingReportIsReplacedWhole() throws IOException {
    Path report = Files.writeString(dir.resolve("tb.csv"), "last month's longer report\n".repeat(50));

    Run run = books.run("trial-balance", "SHG01", "--format", "csv", "--output", report.toString());

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    assertEquals(books.run("trial-balance", "SHG01", "--format", "csv").out(), Files.readString(report));
  }

  private void assertRefused(Run run, Path file, String reason) throws IOException {
    assertEquals(ExitCodes.IO_ERROR, run.exitCode(), run.out() + run.err());
    assertEquals("", run.out());
    assertEquals(List.of("shg: input/output error: cannot write " + file + ": " + reason),
        List.of(run.errLines()));
    assertNoTemporaryFile();
  }

  private void assertNoTemporaryFile() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")),
          "no temporary file left");
    }
  }

  /** Neither a regular file, a directory nor a link: a device, a FIFO or a socket. */
  private static boolean isOther(Path file) throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
  }

  private static boolean run(String... command) {
    try {
      return new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
