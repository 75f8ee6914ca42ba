package org.shgledger.importing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ways to spoil a CSV file, for fuzzing the importers: each corruption changes one place of the
 * file, chosen by a position, as a careless edit, a bad export or a wrong file would.
 */
public final class Fuzz {

  /** A way to spoil a file. */
  public enum Corruption {
    /** Nothing: the file as generated. */
    NONE,
    /** A data line cut short at some character. */
    TRUNCATE_LINE,
    /** A data line's last field removed. */
    DROP_FIELD,
    /** A field added at the end of a data line. */
    EXTRA_FIELD,
    /** A date field replaced by something that is not a date. */
    BAD_DATE,
    /**
     * A date field replaced by a real date no book takes ({@link #FAR_DATES}): years 0000, 0001
     * and 9999, a day in 2099, a day before any fuzzed group was formed. Such a file is never
     * imported.
     */
    FAR_DATE,
    /** A field replaced by something that is not a number. */
    BAD_NUMBER,
    /** A minus sign before a field. */
    NEGATIVE,
    /** A double quote inserted at some character. */
    STRAY_QUOTE,
    /** A byte-order mark at the start of a data line. */
    BOM_IN_MIDDLE,
    /** A field made hundreds or thousands of characters long. */
    HUGE_FIELD,
    /** Random bytes inserted at some byte. */
    BINARY_GARBAGE,
    /** A byte sequence that is not UTF-8 inserted at some byte. */
    NOT_UTF8,
    /** Two data lines swapped. */
    SWAP_LINES,
    /** A data line written twice. */
    DUPLICATE_LINE,
    /** The file cut at some character. */
    CUT_FILE,
    /** A third decimal place on the first amount with two. */
    THREE_DECIMALS,
    /** A comma replaced by a tab. */
    TAB_FOR_COMMA,
    /** A blank line inserted (harmless). */
    BLANK_LINE,
    /** A header cell misspelt or the header cut short. */
    HEADER
  }

  private static final List<String> BAD_DATES = List.of("2024-02-30", "31/04/2024", "2024-13-01", "6/4/24",
      "2024-04-06T10:00", "06-04-2024", "yesterday", "0000-00-00", "99/99/9999");

  /**
   * Real dates that no book takes, for {@link Corruption#FAR_DATE}: written as the field they
   * replace is, ISO or day first. The fuzzed groups are formed after 1999 and run on a clock
   * before 2099.
   */
  public static final List<LocalDate> FAR_DATES = List.of(LocalDate.of(0, 1, 1), LocalDate.of(1, 1, 1),
      LocalDate.of(9999, 12, 31), LocalDate.of(2099, 1, 1), LocalDate.of(1999, 12, 31));

  private static final Pattern DATE_FIELD = Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4}");

  private static final List<String> BAD_NUMBERS = List.of("1O0", "1.2.3", "\u0967\u0966\u0966", "1e3", "NaN",
      "--5", "\u20b9", "0x10", "99999999999999999999", "12,34", "Rs", "+5", "5-", "1 000", "\"\"");

  private Fuzz() {}

  /**
   * Spoils a file.
   *
   * @param text the file, its first line the header, lines ending in {@code \n}
   * @param corruption how
   * @param position chooses the line, field or character, any value from 0
   * @param garbage the bytes for {@link Corruption#BINARY_GARBAGE}, at least one
   * @return the spoiled file's bytes
   */
  public static byte[] corrupt(String text, Corruption corruption, int position, byte[] garbage) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int data = Math.max(1, lines.size() - 2); // the last element is the empty tail
    int index = Math.min(lines.size() - 1, 1 + position % data);
    String line = lines.get(index);
    String[] fields = line.split(",", -1);
    int field = (position / 7) % fields.length;
    switch (corruption) {
      case NONE -> { }
      case TRUNCATE_LINE -> lines.set(index, line.substring(0, position % (line.length() + 1)));
      case DROP_FIELD -> lines.set(index, line.substring(0, Math.max(0, line.lastIndexOf(','))));
      case EXTRA_FIELD -> lines.set(index, line + ",99");
      case BAD_DATE -> {
        fields[0] = BAD_DATES.get(position % BAD_DATES.size());
        lines.set(index, String.join(",", fields));
      }
      case FAR_DATE -> {
        int at = 0;
        while (at < fields.length - 1 && !DATE_FIELD.matcher(fields[at].strip()).matches()) {
          at++;
        }
        if (!DATE_FIELD.matcher(fields[at].strip()).matches()) {
          at = 0;
        }
        LocalDate far = FAR_DATES.get(position % FAR_DATES.size());
        fields[at] = fields[at].contains("/")
            ? String.format("%02d/%02d/%04d", far.getDayOfMonth(), far.getMonthValue(), far.getYear())
            : String.format("%04d-%02d-%02d", far.getYear(), far.getMonthValue(), far.getDayOfMonth());
        lines.set(index, String.join(",", fields));
      }
      case BAD_NUMBER -> {
        fields[field] = BAD_NUMBERS.get(position % BAD_NUMBERS.size());
        lines.set(index, String.join(",", fields));
      }
      case NEGATIVE -> {
        fields[field] = "-" + fields[field];
        lines.set(index, String.join(",", fields));
      }
      case STRAY_QUOTE -> {
        int at = position % (line.length() + 1);
        lines.set(index, line.substring(0, at) + "\"" + line.substring(at));
      }
      case BOM_IN_MIDDLE -> lines.set(index, "\uFEFF" + line);
      case HUGE_FIELD -> {
        fields[field] = fields[field] + "A".repeat(position % 2 == 0 ? 500 + position : 20_000 + position);
        lines.set(index, String.join(",", fields));
      }
      case SWAP_LINES -> {
        int other = Math.min(lines.size() - 1, 1 + (position / 7) % data);
        lines.set(index, lines.get(other));
        lines.set(other, line);
      }
      case DUPLICATE_LINE -> lines.add(index, line);
      case CUT_FILE -> {
        String joined = String.join("\n", lines);
        return joined.substring(0, position % (joined.length() + 1)).getBytes(StandardCharsets.UTF_8);
      }
      case THREE_DECIMALS -> {
        fields[field] = fields[field].isEmpty() ? "1.005" : fields[field] + ".125";
        lines.set(index, String.join(",", fields));
      }
      case TAB_FOR_COMMA -> {
        int comma = line.indexOf(',', position % (line.length() + 1));
        if (comma >= 0) {
          lines.set(index, line.substring(0, comma) + "\t" + line.substring(comma + 1));
        }
      }
      case BLANK_LINE -> lines.add(index, "");
      case HEADER -> {
        String header = lines.get(0);
        lines.set(0, position % 2 == 0 ? header.substring(0, position % (header.length() + 1))
            : header.replaceFirst("[a-z]", "x"));
      }
      case BINARY_GARBAGE, NOT_UTF8 -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = position % (bytes.length + 1);
        out.write(bytes, 0, at);
        if (corruption == Corruption.NOT_UTF8) {
          out.write(0xC3);
          out.write(0x28);
        } else {
          out.writeBytes(garbage);
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
