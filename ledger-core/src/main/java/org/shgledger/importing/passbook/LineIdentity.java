package org.shgledger.importing.passbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.EntryId;

/**
 * Gives the lines of a statement, read oldest first, their entry ids: what makes one bank
 * movement the same line in every export of it, whatever the bank's layout.
 *
 * <p>The id (recipe {@code v2}) is {@code pb:} and 160 bits of the SHA-256 of what every layout
 * shows of a movement: its date, withdrawal, deposit, the running balance after it, and its
 * ordinal among the lines of that date with the same three amounts (two such lines can be told
 * apart by nothing else, so which of them is first does not matter). The narration and the
 * reference are left out: banks print them differently in each layout (the SBI export has a
 * reference column, the generic one none; one portal cuts the narration, another does not), and
 * a line whose id changed with the layout would be counted twice.
 *
 * <p>Books imported before the recipe {@code v2} hold ids of recipe {@code v1}, which also took
 * the narration (whitespace runs read as one space) and the reference, and counted the ordinal
 * among lines identical in all of them. {@link Line#legacyId()} gives a line that id, so that
 * importing again a statement such a book holds, in the same layout, still finds its lines. The
 * same statement in another layout does not give the old lines' ids; {@link SameDayLines} then
 * reports the line as a conflict rather than record it twice.
 *
 * <p>Both recipes are frozen: ids are stored in books and found again by every later import.
 * Not thread-safe: one instance per pass over a statement.
 */
final class LineIdentity {

  /** The recipe of every id this version gives. */
  static final String RECIPE = "shg-ledger/passbook-line/v2";

  /** The recipe of ids given before version 2, looked up in books that may hold them. */
  static final String LEGACY_RECIPE = "shg-ledger/passbook-line/v1";

  /** Hex digits of the content hash in an id: 160 bits. */
  private static final int HASH_HEX_DIGITS = 40;

  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest sha = sha256();
  private final StringBuilder content = new StringBuilder(256);
  private final Ordinals ordinals = new Ordinals();
  private final Ordinals legacyOrdinals = new Ordinals();

  /** A line's ids. */
  final class Line {
    private final PassbookLine line;
    private final EntryId id;
    private final int legacyOrdinal;
    private EntryId legacyId;

    private Line(PassbookLine line, EntryId id, int legacyOrdinal) {
      this.line = line;
      this.id = id;
      this.legacyOrdinal = legacyOrdinal;
    }

    /** The line's id, recipe {@code v2}. */
    EntryId id() {
      return id;
    }

    /**
     * The id the line had before version 2, computed when first asked for: only lines that a
     * book can already hold need it.
     */
    EntryId legacyId() {
      if (legacyOrdinal < 0) {
        throw new IllegalStateException("the legacy id of a line was not asked for when it was read");
      }
      if (legacyId == null) {
        legacyId = legacy(line, normalised(line.narration()), legacyOrdinal);
      }
      return legacyId;
    }
  }

  /**
   * The next line's ids.
   *
   * @param line the line after the one given last, in date order (oldest first), not null
   * @return its ids, not null
   */
  Line next(PassbookLine line) {
    return next(line, true);
  }

  /**
   * The next line's ids, and its legacy id only if it is wanted: an import wants it for lines a
   * book may hold, those up to the book's latest date, which come before all others of a
   * statement read oldest first and fill whole days, so the legacy ordinals stay right.
   *
   * @param line the line after the one given last, in date order (oldest first), not null
   * @param legacy false if {@link Line#legacyId()} will not be asked for
   * @return its ids, not null
   */
  Line next(PassbookLine line, boolean legacy) {
    int ordinal = ordinals.next(line.date(), List.of(line.withdrawal(), line.deposit(), line.balance()));
    int legacyOrdinal = legacy ? legacyOrdinals.next(line.date(), List.of(line.withdrawal(), line.deposit(),
        line.balance(), normalised(line.narration()), line.reference())) : -1;
    return new Line(line, of(line, ordinal), legacyOrdinal);
  }

  /**
   * A line's id, recipe {@code v2}.
   *
   * @param ordinal how many lines of the same date with the same withdrawal, deposit and balance
   *     came before it
   */
  EntryId of(PassbookLine line, int ordinal) {
    start(RECIPE, line);
    return finish(ordinal);
  }

  /**
   * A line's id, recipe {@code v1}.
   *
   * @param narration the line's narration {@link #normalised}
   * @param ordinal how many lines of the same date identical in amounts, balance, narration and
   *     reference came before it
   */
  EntryId legacy(PassbookLine line, String narration, int ordinal) {
    start(LEGACY_RECIPE, line);
    netstring(narration);
    netstring(line.reference());
    return finish(ordinal);
  }

  private void start(String recipe, PassbookLine line) {
    content.setLength(0);
    netstring(recipe);
    netstring(line.date().toString());
    netstring(Long.toString(line.withdrawal().getAmountMinorLong()));
    netstring(Long.toString(line.deposit().getAmountMinorLong()));
    netstring(Long.toString(line.balance().getAmountMinorLong()));
  }

  private EntryId finish(int ordinal) {
    netstring(Integer.toString(ordinal));
    byte[] hash = sha.digest(content.toString().getBytes(StandardCharsets.UTF_8));
    return EntryId.of(SavingsGroups.BANK_LINE_ID_PREFIX + HEX.formatHex(hash, 0, HASH_HEX_DIGITS / 2));
  }

  private void netstring(String value) {
    content.append(value.length()).append(':').append(value).append(',');
  }

  /**
   * Whether an id is one an import gives a line (of either recipe), as opposed to the ids of a
   * reclassification ({@code ID/rc}, {@code ID/rv}) or any other entry.
   */
  static boolean isLineId(EntryId id) {
    String value = id.value();
    String prefix = SavingsGroups.BANK_LINE_ID_PREFIX;
    if (value.length() != prefix.length() + HASH_HEX_DIGITS || !value.startsWith(prefix)) {
      return false;
    }
    for (int i = prefix.length(); i < value.length(); i++) {
      if (Character.digit(value.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * A narration with each run of whitespace ({@code \\s+}: space, tab, line breaks, vertical tab,
   * form feed) made one space, as the {@code v1} recipe read it. Most narrations have nothing to
   * change and are returned as they are.
   */
  static String normalised(String narration) {
    int i = 0;
    for (; i < narration.length(); i++) {
      char c = narration.charAt(i);
      if (isSpace(c) && (c != ' ' || i + 1 < narration.length() && isSpace(narration.charAt(i + 1)))) {
        break;
      }
    }
    if (i == narration.length()) {
      return narration;
    }
    StringBuilder out = new StringBuilder(narration.length()).append(narration, 0, i);
    boolean inRun = false;
    for (; i < narration.length(); i++) {
      char c = narration.charAt(i);
      if (isSpace(c)) {
        if (!inRun) {
          out.append(' ');
          inRun = true;
        }
      } else {
        out.append(c);
        inRun = false;
      }
    }
    return out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java has SHA-256", e);
    }
  }

  /**
   * Counts lines with the same key within a date; forgets earlier dates, which the date order
   * makes final, so memory stays bounded by one day's lines.
   */
  private static final class Ordinals {
    private LocalDate date;
    private final Map<List<Object>, Integer> seen = new HashMap<>();

    int next(LocalDate day, List<Object> key) {
      if (!day.equals(date)) {
        date = day;
        seen.clear();
      }
      return seen.merge(key, 1, Integer::sum) - 1;
    }
  }
}
