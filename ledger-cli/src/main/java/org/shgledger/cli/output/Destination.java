package org.shgledger.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;

/**
 * Where a command's output goes: standard output, or a file written whole or not at all.
 *
 * <p>A file is written to a temporary file beside it (same directory, so on the same file system)
 * and then moved over the target in one step. A run that fails part-way, on a full disk or an error
 * in the books, leaves the target as it was (absent, or the previous report) and no temporary file
 * behind; a reader never sees half a report. The file is UTF-8 and readable by its owner only,
 * since reports name members and amounts.
 */
public final class Destination {

  private Destination() {}

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
   * @param file the file, or null for standard output
   * @param standardOutput the command's standard output, not null
   * @param body what to write, not null
   * @throws UncheckedIOException if the file cannot be written (its directory does not exist, the
   *     disk is full); the target is then unchanged
   */
  public static void write(Path file, PrintWriter standardOutput, Body body) {
    Objects.requireNonNull(standardOutput, "standardOutput");
    Objects.requireNonNull(body, "body");
    if (file == null) {
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
    writeFile(file, body);
  }

  private static void writeFile(Path file, Body body) {
    Path target = file.toAbsolutePath();
    Path directory = target.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      throw new UncheckedIOException("cannot write " + file + ": there is no directory " + directory,
          new IOException("no directory " + directory));
    }
    if (Files.isDirectory(target)) {
      throw new UncheckedIOException("cannot write " + file + ": it is a directory",
          new IOException(file + " is a directory"));
    }
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(temporary, StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
      move(temporary, target);
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
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
