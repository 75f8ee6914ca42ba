package org.shgledger.importing;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CoderResult;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file one record at a time, strictly and within limits: the one way importers read
 * files.
 *
 * <ul>
 *   <li>UTF-8, with or without a byte-order mark at the start; bytes that are not UTF-8 are an
 *       error naming the line and character, never silently replaced.
 *   <li>Comma- or tab-separated: chosen from the first 64 KiB (tabs when there are at least as many
 *       tabs as commas outside quotes), or given.
 *   <li>Fields in double quotes may hold the separator; {@code ""} is a quote.
 *   <li>No control characters other than tab, and no byte-order mark after the start (a second
 *       file pasted into the first).
 *   <li>{@link ImportLimits}: the file's size, the number of rows, the length of a field and of a
 *       line are checked as the file is read, so memory stays flat whatever the file.
 * </ul>
 *
 * <p>Any of these problems ends reading with an {@link ImportException} naming {@code
 * file:line:column} (for a field its number; for bytes and quotes the character in the line).
 * Blank lines are returned as blank rows so that line numbers stay exact. Not thread-safe.
 */
public final class CsvTable implements Closeable {

  /** How much of the file is looked at to choose the separator. */
  private static final int SNIFF_BYTES = 64 * 1024;

  private final String file;
  private final ImportLimits limits;
  private final char delimiter;
  private final PositionReader reader;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private long linesBefore;
  private long rows;

  private CsvTable(String file, InputStream in, ImportLimits limits, Character delimiter)
      throws IOException {
    this.file = file;
    this.limits = limits;
    BufferedInputStream buffered =
        new BufferedInputStream(new LimitedInputStream(in, limits.maxFileBytes()), SNIFF_BYTES);
    skipByteOrderMark(buffered);
    this.delimiter = delimiter != null ? delimiter : sniff(buffered);
    this.reader = new PositionReader(buffered, limits);
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(this.delimiter)
            .setQuote('"')
            .setIgnoreEmptyLines(false)
            .setTrim(false)
            .get();
    this.parser = CSVParser.builder().setReader(reader).setFormat(format).get();
    this.records = parser.iterator();
  }

  /**
   * Opens a file, choosing the separator from its start.
   *
   * @param path the file, not null
   * @param limits the limits, not null
   * @return the table, to be closed, not null
   * @throws ImportException if the file cannot be read (line 0), is too large, or its start is
   *     not UTF-8
   */
  public static CsvTable open(Path path, ImportLimits limits) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(limits, "limits");
    String name = path.toString();
    InputStream in;
    try {
      long size = Files.size(path);
      if (size > limits.maxFileBytes()) {
        throw new ImportException(
            new ImportProblem(name, 0, 0, tooLarge(limits)));
      }
      in = Files.newInputStream(path);
    } catch (IOException e) {
      throw new ImportException(
          new ImportProblem(name, 0, 0, "cannot read the file: " + describe(e)));
    }
    return of(name, in, limits, null);
  }

  /**
   * Reads a stream, which the table closes.
   *
   * @param file the file's name for messages, not null
   * @param in the bytes, not null
   * @param limits the limits, not null
   * @param delimiter {@code ','} or {@code '\t'}, or null to choose from the start of the file
   * @return the table, to be closed, not null
   * @throws ImportException if the start of the stream cannot be read
   * @throws IllegalArgumentException if the delimiter is neither comma nor tab
   */
  public static CsvTable of(String file, InputStream in, ImportLimits limits, Character delimiter) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(limits, "limits");
    if (delimiter != null && delimiter != ',' && delimiter != '\t') {
      throw new IllegalArgumentException("the delimiter must be a comma or a tab: " + delimiter);
    }
    try {
      return new CsvTable(file, in, limits, delimiter);
    } catch (IOException e) {
      throw new ImportException(new ImportProblem(file, 1, 1, readFailure(e, limits)));
    }
  }

  /**
   * The file's name as given, for messages.
   *
   * @return the name, not null
   */
  public String file() {
    return file;
  }

  /**
   * The separator in use.
   *
   * @return {@code ','} or {@code '\t'}
   */
  public char delimiter() {
    return delimiter;
  }

  /**
   * How many rows have been returned so far, blank ones included.
   *
   * @return the count, not negative
   */
  public long rowsRead() {
    return rows;
  }

  /**
   * Reads the next record.
   *
   * @return the row, or empty at the end of the file
   * @throws ImportException if the file breaks a rule or limit at this point; reading cannot go on
   */
  public Optional<CsvRow> next() {
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return Optional.empty();
      }
      record = records.next();
    } catch (UncheckedIOException e) {
      throw new ImportException(failureProblem(e.getCause()));
    } catch (IllegalStateException e) {
      // Commons CSV wraps some parse failures (an unclosed quote at the end) this way.
      throw new ImportException(failureProblem(new IOException(e.getMessage(), e)));
    }
    long line = linesBefore + 1;
    linesBefore = parser.getCurrentLineNumber();
    reader.recordEnded();
    rows++;
    if (rows > limits.maxRows() + 1) {
      throw new ImportException(
          new ImportProblem(file, line, 0,
              "the file has more than " + limits.maxRows() + " rows, the most one import takes:"
                  + " split it into several files"));
    }
    List<String> cells = new ArrayList<>(record.size());
    for (int i = 0; i < record.size(); i++) {
      String cell = record.get(i);
      if (cell.length() > limits.maxFieldChars()) {
        throw new ImportException(
            new ImportProblem(file, line, i + 1,
                "the field is " + cell.length() + " characters long; at most "
                    + limits.maxFieldChars() + " are allowed"));
      }
      cells.add(cell);
    }
    return Optional.of(new CsvRow(file, line, cells));
  }

  /** Closes the file. */
  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException e) {
      // Nothing was written; a failure to close a file being read loses nothing.
    }
  }

  private ImportProblem failureProblem(IOException e) {
    if (e instanceof PositionedException p) {
      return new ImportProblem(file, p.line, p.column, p.getMessage());
    }
    if (e instanceof LimitedInputStream.TooLarge) {
      return new ImportProblem(file, reader.line(), 0, tooLarge(limits));
    }
    if (e instanceof CharacterCodingException) {
      return new ImportProblem(file, reader.line(), reader.column(),
          "bytes that are not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in spreadsheets)");
    }
    // Commons CSV: a quote opened and never closed, or text after a closing quote.
    return new ImportProblem(file, linesBefore + 1, 0,
        "the quotes do not pair up (" + describe(e) + "): a field that starts with \" must end"
            + " with \" and a quote inside it is written \"\"");
  }

  private static String readFailure(IOException e, ImportLimits limits) {
    if (e instanceof LimitedInputStream.TooLarge) {
      return tooLarge(limits);
    }
    return "cannot read the file: " + describe(e);
  }

  private static String tooLarge(ImportLimits limits) {
    return "the file is larger than " + limits.maxFileBytes() + " bytes, the most one import"
        + " reads: split it into several files";
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
    in.mark(3);
    byte[] start = in.readNBytes(3);
    if (!(start.length == 3
        && (start[0] & 0xff) == 0xEF && (start[1] & 0xff) == 0xBB && (start[2] & 0xff) == 0xBF)) {
      in.reset();
    }
  }

  private static char sniff(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES);
    byte[] sample = in.readNBytes(SNIFF_BYTES);
    in.reset();
    long tabs = 0;
    long commas = 0;
    boolean quoted = false;
    for (byte b : sample) {
      if (b == '"') {
        quoted = !quoted;
      } else if (!quoted && b == '\t') {
        tabs++;
      } else if (!quoted && b == ',') {
        commas++;
      }
    }
    return tabs > 0 && tabs >= commas ? '\t' : ',';
  }

  /** A read failure that knows where it happened. */
  static final class PositionedException extends IOException {
    private static final long serialVersionUID = 1L;
    final long line;
    final int column;

    PositionedException(long line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  /** Counts bytes and refuses to read past the limit. */
  private static final class LimitedInputStream extends FilterInputStream {
    private final long maxBytes;
    private long bytes;

    LimitedInputStream(InputStream in, long maxBytes) {
      super(in);
      this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      bytes += n;
      if (bytes > maxBytes) {
        throw new TooLarge();
      }
    }

    /** The file is larger than the limit. */
    static final class TooLarge extends IOException {
      private static final long serialVersionUID = 1L;
    }
  }

  /**
   * Tracks the line and column of each character handed to the parser, and refuses control
   * characters, stray byte-order marks and over-long lines and records at the character they
   * happen.
   */
  private static final class PositionReader extends Reader {
    private final InputStream in;
    private final CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private final CharBuffer chars = CharBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private boolean malformed;
    private final int maxLineChars;
    private final long maxRecordChars;
    private long line = 1;
    private int column = 1;
    private long charsSinceRecord;

    PositionReader(InputStream in, ImportLimits limits) {
      this.in = in;
      this.maxLineChars = limits.maxLineChars();
      // The parser reads ahead by its buffer, so a record's budget allows for that.
      this.maxRecordChars = 4L * limits.maxLineChars() + 2 * 8192;
    }

    /**
     * Decodes more characters into {@link #chars}; returns false at the end. Characters decoded
     * before bad bytes are handed out first, so the failure names the exact place.
     */
    private boolean fill() throws IOException {
      while (!chars.hasRemaining()) {
        if (malformed) {
          throw new PositionedException(line, column,
              "bytes that are not UTF-8 text: save the file as UTF-8 (CSV UTF-8 in spreadsheets)");
        }
        if (endOfInput && !bytes.hasRemaining()) {
          return false;
        }
        if (!endOfInput) {
          bytes.compact();
          int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
          if (n < 0) {
            endOfInput = true;
          } else {
            bytes.position(bytes.position() + n);
          }
          bytes.flip();
        }
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (endOfInput && !result.isError()) {
          result = decoder.flush(chars);
        }
        chars.flip();
        if (result.isError()) {
          malformed = true;
        } else if (endOfInput && bytes.hasRemaining()) {
          malformed = true;
        }
      }
      return true;
    }

    long line() {
      return line;
    }

    int column() {
      return column;
    }

    void recordEnded() {
      charsSinceRecord = 0;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      if (length == 0) {
        return 0;
      }
      if (!fill()) {
        return -1;
      }
      int n = Math.min(length, chars.remaining());
      chars.get(buffer, offset, n);
      for (int i = 0; i < n; i++) {
        char c = buffer[offset + i];
        if (c == '\n') {
          line++;
          column = 1;
          continue;
        }
        if (c == '\uFEFF') {
          throw new PositionedException(line, column,
              "a byte-order mark in the middle of the file: was another file pasted into this one?"
                  + " Remove it (re-save the file as UTF-8)");
        }
        if (c < 0x20 && c != '\t' && c != '\r') {
          throw new PositionedException(line, column,
              "a control character (code " + (int) c + ") in the text: is this a CSV file?");
        }
        column++;
        if (column > maxLineChars) {
          throw new PositionedException(line, 0,
              "the line is longer than " + maxLineChars + " characters: is this a CSV file?");
        }
        if (++charsSinceRecord > maxRecordChars) {
          throw new PositionedException(line, 0,
              "one record spans more than " + maxRecordChars + " characters: a quote that never"
                  + " closes?");
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
