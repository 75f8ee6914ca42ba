package org.shgledger.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Objects;

/**
 * Where a command's output goes: standard output, or a file written whole or not at all.
 *
 * <p>A file is written to a temporary file beside it (same directory, so on the same file system)
 * and then moved over the target in one step. A run that fails part-way, on a full disk or an error
 * in the books, leaves the target as it was (absent, or the previous report) and no temporary file
 * behind; a reader never sees half a report. The file is UTF-8 and readable by its owner only,
 * since reports name members and amounts.
 *
 * <p>Only a regular file is replaced so, and never the books the command reads: a move replaces
 * whatever the name stands for, so what the name stands for is looked at first. A symbolic link is
 * followed, and the file it points to is replaced, never the link; a character device or a FIFO
 * ({@code /dev/null}, a terminal, a pipe) is written to as it is, as a shell's {@code >} would; a
 * link to nothing, a directory, a block device or a socket is refused, writing nothing.
 * docs/cli.md ("Output files") states the same rules.
 */
public final class Destination {

  private Destination() {}

  /** The name that stands for standard output: {@code --output -}. */
  public static final String STANDARD_OUTPUT = "-";

  /** File type bits of a Unix mode ({@code S_IFMT}), and the two types written through. */
  private static final int TYPE_BITS = 0170000;

  private static final int CHARACTER_DEVICE = 0020000;
  private static final int FIFO = 0010000;

  /** The books a command reads, which its output must never replace. */
  @FunctionalInterface
  public interface Books {
    /**
     * The files of the books: a database and the files its engine keeps beside it.
     *
     * @return the files, which need not exist; empty when the books are not in files, not null
     */
    List<Path> bookFiles();
  }

  /** Writes the content of one output; may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes everything.
     *
     * @param out where to write; the caller closes or flushes it, not null
     * @throws IOException if writing fails
     */
    void writeTo(Writer out) throws IOException;
  }

  /**
   * Writes output to a file, atomically, or to standard output.
   *
   * @param file the file, or null or {@code -} for standard output
   * @param books the books the command reads, which {@code file} must not be, not null
   * @param standardOutput the command's standard output, not null
   * @param body what to write, not null
   * @throws UncheckedIOException if the file cannot be written (its directory does not exist, the
   *     disk is full) or may not be (it is the books, a directory, a link to nothing); the target
   *     is then unchanged
   */
  public static void write(Path file, Books books, PrintWriter standardOutput, Body body) {
    Objects.requireNonNull(books, "books");
    Objects.requireNonNull(standardOutput, "standardOutput");
    Objects.requireNonNull(body, "body");
    // "-" is standard output, as for hledger and most Unix tools (a file named "-" is ./-)
    if (file == null || file.toString().equals(STANDARD_OUTPUT)) {
      try {
        body.writeTo(new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) {
            standardOutput.write(buffer, offset, length);
          }

          @Override
          public void flush() {
            standardOutput.flush();
          }

          @Override
          public void close() {
            // standard output is not ours to close
            standardOutput.flush();
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write to standard output: " + e.getMessage(), e);
      }
      standardOutput.flush();
      return;
    }
    try {
      writeFile(file, books, body);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes the file, or throws an exception whose message is the reason it cannot be. */
  private static void writeFile(Path file, Books books, Body body) throws IOException {
    Path given = file.toAbsolutePath();
    BasicFileAttributes found; // of what the name stands for, through any links
    try {
      found = Files.readAttributes(given, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      found = null;
    }
    if (found == null) {
      if (Files.isSymbolicLink(given)) {
        throw new IOException("it is a symbolic link to " + Files.readSymbolicLink(given)
            + ", which does not exist");
      }
      Path directory = given.getParent();
      if (directory == null || !Files.isDirectory(directory)) {
        throw new IOException("there is no directory " + directory);
      }
      refuseBooks(given, books);
      replace(given, body);
    } else if (found.isDirectory()) {
      throw new IOException("it is a directory");
    } else if (found.isRegularFile()) {
      // through a link, the file it points to is replaced; the link stays as it is
      Path target = given.toRealPath();
      refuseBooks(target, books);
      replace(target, body);
    } else if (isWrittenThrough(given)) {
      try (Writer out = new BufferedWriter(new OutputStreamWriter(
          Files.newOutputStream(given, StandardOpenOption.WRITE), StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
    } else {
      throw new IOException("it is not a regular file, a character device or a FIFO");
    }
  }

  /** Whether a file that is not a regular one is a character device or a FIFO. */
  private static boolean isWrittenThrough(Path file) throws IOException {
    try {
      int type = (Integer) Files.getAttribute(file, "unix:mode") & TYPE_BITS;
      return type == CHARACTER_DEVICE || type == FIFO;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return true; // no Unix file types (Windows): a file that is not regular is a device, NUL
    }
  }

  private static void refuseBooks(Path target, Books books) throws IOException {
    for (Path book : books.bookFiles()) {
      boolean same = Files.exists(book) && Files.exists(target)
          ? Files.isSameFile(book, target)
          : inItsDirectory(book).equals(inItsDirectory(target));
      if (same) {
        throw new IOException("it is the database this command reads");
      }
    }
  }

  /** A file's name in the real path of its directory, whether or not the file exists. */
  private static Path inItsDirectory(Path file) throws IOException {
    Path absolute = file.toAbsolutePath().normalize();
    Path directory = absolute.getParent();
    return directory == null || !Files.isDirectory(directory)
        ? absolute
        : directory.toRealPath().resolve(absolute.getFileName());
  }

  private static void replace(Path target, Body body) throws IOException {
    Path directory = target.getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
      move(temporary, target);
      temporary = null;
    } finally {
      if (temporary != null) {
        // the run failed: leave nothing half-written behind
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // the failure being reported matters more than a stray temporary file
        }
      }
    }
  }

  private static void move(Path temporary, Path target) throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
