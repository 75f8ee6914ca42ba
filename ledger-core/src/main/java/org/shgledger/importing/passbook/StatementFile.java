package org.shgledger.importing.passbook;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;

/**
 * A bank's statement file as the passbook reader takes it: text (CSV or tab-separated, whatever
 * its name, so an SBI "Excel" download that is tab-separated text under an {@code .xls} name is
 * read as text), or a spreadsheet told by its first bytes, not its name ({@code .xlsx}: a ZIP
 * package; {@code .xls}: an OLE2 compound file), whose first sheet is written once to a temporary
 * CSV file ({@link SpreadsheetText}) that every pass of the import then reads. The temporary files
 * are readable by their owner only (as {@link Files#createTempFile} makes them where the file
 * system has permissions) and deleted on {@link #close()}. A web page saved under a spreadsheet's
 * name, as some portals send, is refused with what to do instead.
 */
final class StatementFile implements AutoCloseable {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
      (byte) 0xE1};

  /** How much of the start is looked at. */
  private static final int HEAD_BYTES = 1024;

  private final Supplier<InputStream> source;
  private final Path text;
  /** The stream the file was told by, for the first reading; null once handed out. */
  private InputStream first;

  private StatementFile(Supplier<InputStream> source, Path text, InputStream first) {
    this.source = source;
    this.text = text;
    this.first = first;
  }

  /**
   * Opens a statement.
   *
   * @param name the file's name for messages, not null
   * @param source opens the bytes afresh each time, not null
   * @param limits the import's limits: a spreadsheet's text may be at most its file size
   * @return the statement, to be closed, not null
   * @throws ImportException if the file is a spreadsheet that cannot be read, or a web page
   */
  static StatementFile open(String name, Supplier<InputStream> source, ImportLimits limits) {
    // Told from the first bytes of the stream the first pass then reads on, so that a text file is
    // opened no more often than before.
    BufferedInputStream first = new BufferedInputStream(source.get(), HEAD_BYTES);
    byte[] head;
    try {
      first.mark(HEAD_BYTES);
      head = first.readNBytes(HEAD_BYTES);
      first.reset();
    } catch (IOException e) {
      closeQuietly(first);
      throw new ImportException(new ImportProblem(name, 0, 0, "cannot read the file: " + e.getMessage()));
    }
    boolean xlsx = startsWith(head, ZIP);
    boolean xls = startsWith(head, OLE2);
    if (!xlsx && !xls) {
      Optional<String> webPage = webPage(name, head);
      if (webPage.isPresent()) {
        closeQuietly(first);
        throw new ImportException(new ImportProblem(name, 1, 0, webPage.get()));
      }
      return new StatementFile(source, null, first);
    }
    closeQuietly(first);
    Path copy = null;
    Path csv = null;
    try {
      copy = Files.createTempFile("shg-statement-", xlsx ? ".xlsx" : ".xls");
      try (InputStream in = source.get(); OutputStream out = Files.newOutputStream(copy)) {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          copied += n;
          if (copied > limits.maxFileBytes()) {
            throw new ImportException(new ImportProblem(name, 0, 0, "the file is larger than "
                + limits.maxFileBytes() + " bytes, the most one import reads: split it into several files"));
          }
          out.write(buffer, 0, n);
        }
      }
      csv = Files.createTempFile("shg-statement-", ".csv");
      try {
        if (xlsx) {
          SpreadsheetText.xlsx(name, copy, csv, limits.maxFileBytes());
        } else {
          SpreadsheetText.xls(name, copy, csv, limits.maxFileBytes());
        }
      } catch (SpreadsheetText.Unreadable e) {
        throw new ImportException(new ImportProblem(name, 0, 0, e.getMessage()));
      } catch (LinkageError e) {
        throw new ImportException(new ImportProblem(name, 0, 0, "reading a spreadsheet needs Apache POI"
            + " (org.apache.poi:poi and poi-ooxml) beside ledger-core, and it is not there: add it, or save"
            + " the sheet as CSV"));
      }
      Path text = csv;
      csv = null;
      return new StatementFile(() -> {
        try {
          return Files.newInputStream(text);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }, text, null);
    } catch (IOException e) {
      throw new ImportException(new ImportProblem(name, 0, 0, "cannot read the file: " + e.getMessage()));
    } finally {
      delete(copy);
      delete(csv);
    }
  }

  /** The statement's text: the stream already opened, then opened afresh each time. */
  Supplier<InputStream> source() {
    return () -> {
      InputStream stream = first;
      if (stream != null) {
        first = null;
        return stream;
      }
      return source.get();
    };
  }

  /** Closes the first stream if no reading took it, and deletes the temporary text, if any. */
  @Override
  public void close() {
    if (first != null) {
      closeQuietly(first);
      first = null;
    }
    delete(text);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // only read: nothing is lost
    }
  }

  private static void delete(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] magic) {
    if (bytes.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if (bytes[i] != magic[i]) {
        return false;
      }
    }
    return true;
  }

  /** Why a file that starts as a web page cannot be read, or empty if it does not. */
  private static Optional<String> webPage(String name, byte[] head) {
    String start = new String(head, StandardCharsets.UTF_8).stripLeading().toLowerCase(Locale.ROOT);
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1).stripLeading();
    }
    if (start.startsWith("<html") || start.startsWith("<!doctype html") || start.startsWith("<table")
        || (start.startsWith("<?xml") && start.contains("<html"))) {
      return Optional.of("this file is a web page (HTML), not a spreadsheet or CSV, although it is named "
          + name.substring(Math.max(0, name.lastIndexOf('/') + 1)) + ": open it in a spreadsheet program"
          + " and save it as .xlsx or as CSV");
    }
    return Optional.empty();
  }
}
