package org.shgledger.importing.passbook;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A statement's checked lines kept in a temporary file so that they can be read back last line
 * first: how a statement listed newest first is imported oldest first without holding it in
 * memory. Memory stays at two buffers whatever the file; the disk holds about as much as the
 * export itself, in a file readable by its owner only, deleted on {@link #close()}.
 *
 * <p>Each line is written as its fields followed by the length of the record, so that reading
 * from the end finds where each record starts. Not thread-safe.
 */
final class LineSpool implements Closeable {

  /** How much of the file is read back at a time. */
  private static final int BLOCK = 64 * 1024;

  private final Path file;
  private final CurrencyUnit currency;
  private DataOutputStream out;
  private long lines;

  private LineSpool(Path file, CurrencyUnit currency) throws IOException {
    this.file = file;
    this.currency = currency;
    this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), BLOCK));
  }

  /**
   * Creates an empty spool in the system's temporary directory.
   *
   * @param currency the currency of the lines' amounts, not null
   * @return the spool, to be closed, not null
   * @throws UncheckedIOException if the file cannot be created
   */
  static LineSpool create(CurrencyUnit currency) {
    try {
      // createTempFile gives owner-only permissions where the file system has them
      return new LineSpool(Files.createTempFile("shg-passbook-", ".spool"), currency);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file for the statement: " + e.getMessage(), e);
    }
  }

  /**
   * Adds a line after those added before.
   *
   * @param line the line, not null
   * @throws UncheckedIOException if the file cannot be written
   */
  void add(PassbookLine line) {
    byte[] narration = line.narration().getBytes(StandardCharsets.UTF_8);
    byte[] reference = line.reference().getBytes(StandardCharsets.UTF_8);
    int length = 8 + 8 + 8 + 8 + 8 + 4 + narration.length + 4 + reference.length;
    try {
      out.writeLong(line.line());
      out.writeLong(line.date().toEpochDay());
      out.writeLong(line.withdrawal().getAmountMinorLong());
      out.writeLong(line.deposit().getAmountMinorLong());
      out.writeLong(line.balance().getAmountMinorLong());
      out.writeInt(narration.length);
      out.write(narration);
      out.writeInt(reference.length);
      out.write(reference);
      out.writeInt(length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the temporary file of the statement: " + e.getMessage(), e);
    }
    lines++;
  }

  /**
   * How many lines were added.
   *
   * @return the count
   */
  long lines() {
    return lines;
  }

  /**
   * Reads the lines back, the last added first. Ends adding; may be called again for another
   * reading from the end.
   *
   * @return a reader, to be closed, not null
   * @throws UncheckedIOException if the file cannot be read
   */
  Backwards backwards() {
    try {
      if (out != null) {
        out.close();
        out = null;
      }
      return new Backwards(new RandomAccessFile(file.toFile(), "r"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the temporary file of the statement: " + e.getMessage(), e);
    }
  }

  /** Deletes the file. */
  @Override
  public void close() {
    try {
      if (out != null) {
        out.close();
        out = null;
      }
    } catch (IOException e) {
      // the file is deleted next; what was in it is not needed
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }

  /** Reads records from the end of the file towards its start, a block at a time. */
  final class Backwards implements Closeable {
    private final RandomAccessFile in;
    /** Where the unread part of the file ends. */
    private long end;
    private byte[] block = new byte[BLOCK];
    /** The file offset of block[0], and how many bytes of the block hold the file. */
    private long blockStart;
    private int blockLength;

    private Backwards(RandomAccessFile in) throws IOException {
      this.in = in;
      this.end = in.length();
    }

    /**
     * The line before the last one read.
     *
     * @return the line, or empty when every line was read
     * @throws UncheckedIOException if the file cannot be read
     */
    Optional<PassbookLine> next() {
      if (end == 0) {
        return Optional.empty();
      }
      try {
        int length = load(end - 4, 4).getInt();
        ByteBuffer record = load(end - 4 - length, length);
        end -= 4 + length;
        long line = record.getLong();
        LocalDate date = LocalDate.ofEpochDay(record.getLong());
        Money withdrawal = Money.ofMinor(currency, record.getLong());
        Money deposit = Money.ofMinor(currency, record.getLong());
        Money balance = Money.ofMinor(currency, record.getLong());
        String narration = string(record);
        String reference = string(record);
        return Optional.of(new PassbookLine(line, date, narration, reference, withdrawal, deposit, balance));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the temporary file of the statement: " + e.getMessage(), e);
      }
    }

    private String string(ByteBuffer record) {
      byte[] bytes = new byte[record.getInt()];
      record.get(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The bytes [from, from + length) of the file, read in a block that ends with them. */
    private ByteBuffer load(long from, int length) throws IOException {
      if (from < blockStart || from + length > blockStart + blockLength) {
        if (block.length < length) {
          block = new byte[length];
        }
        long to = from + length;
        blockStart = Math.max(0, to - block.length);
        blockLength = (int) (to - blockStart);
        in.seek(blockStart);
        in.readFully(block, 0, blockLength);
      }
      return ByteBuffer.wrap(block, (int) (from - blockStart), length);
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // read only: nothing is lost
      }
    }
  }
}
