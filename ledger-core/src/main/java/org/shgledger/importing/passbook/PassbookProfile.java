package org.shgledger.importing.passbook;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.importing.CsvRow;
import org.shgledger.importing.text.Dates;

/**
 * The layout of one bank's passbook export: which header names each column has, and how dates are
 * written. Each built-in profile is declared once, below, with its name, its bank and the header
 * messages show; {@link #BUILT_IN} is the registry the import, the command line's help and the
 * docs' list of profiles (checked by a test) are read from. A profile finds its header row among any preamble lines (account holder, branch,
 * period) by the names of its columns, whatever their order, case or padding.
 *
 * <p>Amounts come either in two columns (withdrawal, deposit) or in one column with a {@code
 * Dr}/{@code Cr} marker, in a column of its own right after the amount or as a suffix. Balances may
 * carry a {@code Cr}/{@code Dr} suffix or marker column. The built-in profiles, and what each was
 * checked against, are listed in docs/import.md. Immutable.
 */
public final class PassbookProfile {

  /** What a column holds. */
  public enum Role {
    /** The transaction date. */
    DATE,
    /** The bank's description of the line. */
    NARRATION,
    /** A cheque or reference number; optional. */
    REFERENCE,
    /** Money out, in a column of its own. */
    WITHDRAWAL,
    /** Money in, in a column of its own. */
    DEPOSIT,
    /** One amount column, with a Dr/Cr marker beside it or as a suffix. */
    AMOUNT,
    /** The running balance after the line. */
    BALANCE
  }

  /** The names a Dr/Cr marker column goes by. */
  private static final List<String> MARKER_NAMES = List.of("dr / cr", "dr/cr", "cr/dr", "type");

  /** Dates as generic exports write them. */
  private static final Dates DAY_MONTH_YEAR = Dates.of("dd/MM/yyyy", "d/M/yyyy");

  /** The generic layout: {@code Date,Narration,Withdrawal,Deposit,Balance}, dates dd/MM/yyyy. */
  public static final PassbookProfile GENERIC =
      builder("generic", "any (a hand-made file)", DAY_MONTH_YEAR)
          .header("Date,Narration,Withdrawal,Deposit,Balance")
          .column(Role.DATE, "date")
          .column(Role.NARRATION, "narration")
          .column(Role.WITHDRAWAL, "withdrawal")
          .column(Role.DEPOSIT, "deposit")
          .column(Role.BALANCE, "balance")
          .build();

  /**
   * State Bank of India, "Download as Excel/CSV" from OnlineSBI: {@code Txn Date, Value Date,
   * Description, Ref No./Cheque No., Debit, Credit, Balance}, dates like {@code 1 Apr 2024}.
   */
  public static final PassbookProfile SBI =
      builder("sbi", "State Bank of India",
              Dates.of("d MMM yyyy", "dd-MMM-yy", "dd/MM/yyyy", "d/M/yyyy"))
          .header("Txn Date,Description,Debit,Credit,Balance")
          .column(Role.DATE, "txn date", "date")
          .column(Role.NARRATION, "description", "details")
          .column(Role.REFERENCE, "ref no./cheque no.", "ref no/cheque no")
          .column(Role.WITHDRAWAL, "debit")
          .column(Role.DEPOSIT, "credit")
          .column(Role.BALANCE, "balance")
          .build();

  /**
   * HDFC Bank, "Download as Delimited" ({@code Date, Narration, Value Dat, Debit Amount, Credit
   * Amount, Chq/Ref Number, Closing Balance}, cells padded with spaces, dates {@code dd/MM/yy}) or
   * the spreadsheet layout ({@code Chq./Ref.No., Value Dt, Withdrawal Amt., Deposit Amt.}).
   */
  public static final PassbookProfile HDFC =
      builder("hdfc", "HDFC Bank", Dates.of("dd/MM/yy", "dd/MM/yyyy"))
          .header("Date,Narration,Debit Amount,Credit Amount,Closing Balance")
          .column(Role.DATE, "date")
          .column(Role.NARRATION, "narration")
          .column(Role.REFERENCE, "chq/ref number", "chq./ref.no.")
          .column(Role.WITHDRAWAL, "debit amount", "withdrawal amt.")
          .column(Role.DEPOSIT, "credit amount", "deposit amt.")
          .column(Role.BALANCE, "closing balance")
          .build();

  /**
   * ICICI Bank, the statement download: {@code S No., Value Date, Transaction Date, Cheque Number,
   * Transaction Remarks, Withdrawal Amount (INR ), Deposit Amount (INR ), Balance (INR )}.
   */
  public static final PassbookProfile ICICI =
      builder("icici", "ICICI Bank", Dates.of("dd/MM/yyyy", "dd-MM-yyyy", "dd/MM/yy"))
          .header("Transaction Date,Transaction Remarks,Withdrawal Amount (INR ),...")
          .column(Role.DATE, "transaction date")
          .column(Role.NARRATION, "transaction remarks")
          .column(Role.REFERENCE, "cheque number")
          .column(Role.WITHDRAWAL, "withdrawal amount (inr)", "withdrawal amount(inr)")
          .column(Role.DEPOSIT, "deposit amount (inr)", "deposit amount(inr)")
          .column(Role.BALANCE, "balance (inr)", "balance(inr)")
          .build();

  /**
   * Kotak Mahindra Bank, "Download as CSV": {@code Sl. No., Transaction Date, Value Date,
   * Description, Chq / Ref No., Amount, Dr / Cr, Balance, Dr / Cr}, dates {@code dd-MM-yyyy}.
   */
  public static final PassbookProfile KOTAK =
      builder("kotak", "Kotak Mahindra Bank", Dates.of("dd-MM-yyyy", "dd/MM/yyyy", "dd-MM-yy"))
          .header("Transaction Date,Description,Amount,Dr / Cr,Balance")
          .column(Role.DATE, "transaction date")
          .column(Role.NARRATION, "description")
          .column(Role.REFERENCE, "chq / ref no.", "chq/ref no.")
          .column(Role.AMOUNT, "amount")
          .column(Role.BALANCE, "balance")
          .build();

  /**
   * Every built-in profile, in the order auto-detection tries them: the registry. A profile
   * declared above and missing here fails a test.
   */
  public static final List<PassbookProfile> BUILT_IN = List.of(GENERIC, SBI, HDFC, ICICI, KOTAK);

  private final String name;
  private final String bank;
  private final String header;
  private final Dates dates;
  private final Map<Role, List<String>> names;

  private PassbookProfile(
      String name, String bank, String header, Dates dates, Map<Role, List<String>> names) {
    this.name = name;
    this.bank = bank;
    this.header = header;
    this.dates = dates;
    this.names = names;
  }

  /**
   * A built-in profile by name.
   *
   * @param name the name of one of {@link #BUILT_IN}, such as {@code sbi}, in any case, not null
   * @return the profile, or empty if there is none by that name
   */
  public static Optional<PassbookProfile> named(String name) {
    Objects.requireNonNull(name, "name");
    return BUILT_IN.stream().filter(p -> p.name.equalsIgnoreCase(name.strip())).findFirst();
  }

  /**
   * The profile's name.
   *
   * @return such as {@code sbi}, not null
   */
  public String name() {
    return name;
  }

  /**
   * Whose export this layout is.
   *
   * @return the bank's name, such as {@code State Bank of India}, not null
   */
  public String bank() {
    return bank;
  }

  /**
   * The header this profile looks for, in short, as a message about a file without it names it.
   *
   * @return the main column names, such as {@code Txn Date,Description,Debit,Credit,Balance}, not
   *     null
   */
  public String header() {
    return header;
  }

  /**
   * How this profile reads dates; for the reader beside it, since the date reader is not API.
   *
   * @return the date reader, not null
   */
  Dates dates() {
    return dates;
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }

  /**
   * The columns of a header row, if it is this profile's header.
   *
   * @param row a row of the file, not null
   * @return where each role is, or empty if the row lacks a required column
   */
  public Optional<Columns> match(CsvRow row) {
    List<String> cells = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      cells.add(normalize(row.cell(i)));
    }
    EnumMap<Role, Integer> found = new EnumMap<>(Role.class);
    for (Map.Entry<Role, List<String>> role : names.entrySet()) {
      for (int i = 0; i < cells.size() && !found.containsKey(role.getKey()); i++) {
        if (role.getValue().contains(cells.get(i))) {
          found.put(role.getKey(), i);
        }
      }
      if (!found.containsKey(role.getKey()) && role.getKey() != Role.REFERENCE) {
        return Optional.empty();
      }
    }
    int amountMarker = markerAfter(cells, found.get(Role.AMOUNT));
    int balanceMarker = markerAfter(cells, found.get(Role.BALANCE));
    return Optional.of(new Columns(this, found, amountMarker, balanceMarker, row.size()));
  }

  private static int markerAfter(List<String> cells, Integer column) {
    if (column == null || column + 1 >= cells.size()) {
      return -1;
    }
    return MARKER_NAMES.contains(cells.get(column + 1)) ? column + 1 : -1;
  }

  /**
   * A header name as compared: lower case, inner spaces collapsed, no space before {@code )}.
   *
   * @param header the header cell, not null
   * @return the normalized name, not null
   */
  static String normalize(String header) {
    return header.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace(" )", ")");
  }

  private static Builder builder(String name, String bank, Dates dates) {
    return new Builder(name, bank, dates);
  }

  /** Builds a profile. */
  private static final class Builder {
    private final String name;
    private final String bank;
    private final Dates dates;
    private final EnumMap<Role, List<String>> names = new EnumMap<>(Role.class);
    private String header;

    Builder(String name, String bank, Dates dates) {
      this.name = name;
      this.bank = bank;
      this.dates = dates;
    }

    Builder header(String shown) {
      header = shown;
      return this;
    }

    Builder column(Role role, String... headerNames) {
      names.put(role, List.of(headerNames));
      return this;
    }

    PassbookProfile build() {
      boolean separate = names.containsKey(Role.WITHDRAWAL) && names.containsKey(Role.DEPOSIT);
      if (separate == names.containsKey(Role.AMOUNT)) {
        throw new IllegalStateException(name + ": either withdrawal and deposit, or amount");
      }
      if (header == null) {
        throw new IllegalStateException(name + ": no header to show in messages");
      }
      return new PassbookProfile(name, bank, header, dates, Map.copyOf(names));
    }
  }

  /**
   * Where each column of a matched header is.
   *
   * @param profile the profile that matched, not null
   * @param roles each role's column, from 0; a missing optional role is absent, not null
   * @param amountMarker the Dr/Cr column after the amount, or -1
   * @param balanceMarker the Dr/Cr column after the balance, or -1
   * @param width how many cells the header has
   */
  public record Columns(
      PassbookProfile profile, Map<Role, Integer> roles, int amountMarker, int balanceMarker,
      int width) {

    /**
     * Creates the columns.
     *
     * @param profile the profile that matched, not null
     * @param roles each role's column, from 0; a missing optional role is absent, not null
     * @param amountMarker the Dr/Cr column after the amount, or -1
     * @param balanceMarker the Dr/Cr column after the balance, or -1
     * @param width how many cells the header has
     * @throws NullPointerException if an argument is null
     */
    public Columns {
      Objects.requireNonNull(profile, "profile");
      roles = Map.copyOf(roles);
    }

    /**
     * A role's column.
     *
     * @param role the role, not null
     * @return the column from 0, or -1 if the header has none
     */
    public int of(Role role) {
      return roles.getOrDefault(role, -1);
    }

    /**
     * The fewest cells a data row needs: up to its last column this profile reads.
     *
     * @return the count, at least 1
     */
    public int needed() {
      int last = Math.max(amountMarker, balanceMarker);
      for (int column : roles.values()) {
        last = Math.max(last, column);
      }
      return last + 1;
    }
  }
}
