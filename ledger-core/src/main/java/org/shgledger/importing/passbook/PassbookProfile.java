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
 * The layout of one bank's passbook export: which header names each column has, how dates are
 * written and how the direction of a movement is shown. Each built-in profile is declared once,
 * below, with its name, its bank and the header messages show; {@link #BUILT_IN} is the registry
 * the import, the command line's help and the docs' list of profiles (checked by a test) are read
 * from.
 *
 * <p><b>Finding the header.</b> A profile finds its header row among any preamble lines (account
 * holder, branch, period) by the names of its columns, whatever their order, case, padding or the
 * empty cells between them (a spreadsheet's merged cells saved as CSV). Without a chosen profile
 * the import asks every profile about each row ({@link #detect}): the bank profiles know their own
 * banks' names, and two broad profiles know the words every bank uses ({@link #GENERIC}: date,
 * narration or description, debit or withdrawal, credit or deposit, amount with a Dr/Cr marker or
 * a sign, balance; {@link #PARTICULARS}: the same with a {@code Particulars} column, as
 * co-operative banks write). A bank's own profile wins over the broad ones; among bank profiles,
 * the one that names more of the row's cells.
 *
 * <p><b>Amounts</b> come either in two columns (withdrawal, deposit) or in one column, whose
 * direction is a {@code Dr}/{@code Cr} marker (in a column of its own anywhere in the row, or as a
 * suffix) or, in a profile that takes signed amounts, its sign (a minus is money out). Balances
 * may carry a {@code Cr}/{@code Dr} suffix or marker column right after them. Dates are read by
 * {@link DateCell}: the profile's patterns, and in every profile a time after the date, ISO dates
 * and timestamps (converted to India's date) and spreadsheet serial numbers. The built-in profiles,
 * and what each was checked against, are listed in docs/import.md. Immutable.
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
    /** One amount column, with a Dr/Cr marker beside it or as a suffix, or signed. */
    AMOUNT,
    /** The running balance after the line. */
    BALANCE
  }

  /** The names a Dr/Cr marker column goes by. */
  private static final List<String> MARKER_NAMES =
      normalized("dr / cr", "dr/cr", "cr/dr", "cr / dr", "type", "dr/cr indicator", "cr/dr indicator",
          "debit/credit", "txn type");

  /** Day-first dates, the forms Indian exports write, for the broad profiles. */
  private static final Dates DAY_FIRST =
      Dates.of("dd/MM/yyyy", "d/M/yyyy", "dd/MM/yy", "dd-MM-yyyy", "d-M-yyyy", "dd-MM-yy",
          "d MMM yyyy", "dd-MMM-yy", "dd-MMM-yyyy", "d-MMM-yyyy", "d MMM yy", "dd.MM.yyyy", "dd.MM.yy");

  // The words every bank uses, for the broad profiles (and the order each role prefers them in).
  private static final String[] DATE_WORDS = {"date", "txn date", "transaction date", "tran date",
      "trans date", "txn. date", "trn. date", "trn date", "posting date", "post date", "stmt date",
      "value date"};
  private static final String[] NARRATION_WORDS = {"narration", "description", "details",
      "transaction details", "transaction remarks", "remarks", "transaction description", "narrative"};
  private static final String[] REFERENCE_WORDS = {"chq/ref number", "chq./ref.no.", "ref no./cheque no.",
      "ref no/cheque no", "chq / ref no.", "chq/ref. no.", "chq/ref no.", "chq/ref no", "cheque no.",
      "cheque no", "cheque number", "chq no", "chq no.", "chq. no", "chq. no.", "chq.no.", "instrument no",
      "instrument no.", "instrument id", "ref no", "ref no.", "reference", "reference no", "reference no.",
      "utr no"};
  private static final String[] WITHDRAWAL_WORDS = {"withdrawal", "withdrawals", "debit", "debits",
      "debit amount", "debit amt", "debit amt.", "withdrawal amt.", "withdrawal amt", "withdrawal amount",
      "withdrawal amount (inr)", "withdrawal (dr)", "withdrawal (dr.)", "dr amount", "dr amt", "dr amt.",
      "withdraws", "paid out", "debit (inr)", "debit (rs.)", "debit (rs)"};
  private static final String[] DEPOSIT_WORDS = {"deposit", "deposits", "credit", "credits",
      "credit amount", "credit amt", "credit amt.", "deposit amt.", "deposit amt", "deposit amount",
      "deposit amount (inr)", "deposit (cr)", "deposit (cr.)", "cr amount", "cr amt", "cr amt.", "paid in",
      "credit (inr)", "credit (rs.)", "credit (rs)"};
  private static final String[] AMOUNT_WORDS = {"amount", "txn amount", "tran amount", "transaction amount",
      "trxn amount", "amount (inr)", "amount (rs.)", "amount (rs)"};
  private static final String[] BALANCE_WORDS = {"balance", "closing balance", "balance (inr)",
      "running balance", "closing bal", "closing bal.", "available balance", "balance (rs.)", "balance (rs)",
      "bal"};

  /**
   * Any layout whose columns are named in the words banks use: {@code Date,Narration,Withdrawal,
   * Deposit,Balance} as a hand-made file writes them, or {@code Description}, {@code Debit}, {@code
   * Credit}, one {@code Amount} with a Dr/Cr marker or a sign, and so on; dates day first.
   */
  public static final PassbookProfile GENERIC =
      builder("generic", "any (a hand-made file)", Dates.of(DAY_FIRST.patterns()))
          .header("Date,Narration,Withdrawal,Deposit,Balance")
          .broad()
          .signedAmounts()
          .column(Role.DATE, DATE_WORDS)
          .column(Role.NARRATION, NARRATION_WORDS)
          .column(Role.REFERENCE, REFERENCE_WORDS)
          .column(Role.WITHDRAWAL, WITHDRAWAL_WORDS)
          .column(Role.DEPOSIT, DEPOSIT_WORDS)
          .column(Role.AMOUNT, AMOUNT_WORDS)
          .column(Role.BALANCE, BALANCE_WORDS)
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
   * Kotak Mahindra Bank, the statement's "Savings Account Transactions" table as its spreadsheet
   * download writes it: {@code #, Date, Description, Chq/Ref. No., Withdrawal (Dr.), Deposit (Cr.),
   * Balance}, dates {@code 09 Sep 2025}, an {@code Opening Balance} row first.
   */
  public static final PassbookProfile KOTAK_DEBIT_CREDIT =
      builder("kotak-debit-credit", "Kotak Mahindra Bank",
              Dates.of("dd MMM yyyy", "d MMM yyyy", "dd-MM-yyyy", "dd/MM/yyyy", "dd-MM-yy"))
          .header("Date,Description,Chq/Ref. No.,Withdrawal (Dr.),Deposit (Cr.),Balance")
          .column(Role.DATE, "date", "transaction date")
          .column(Role.NARRATION, "description", "narration")
          .column(Role.REFERENCE, "chq/ref. no.", "chq/ref no.", "chq/ref no")
          .column(Role.WITHDRAWAL, "withdrawal (dr.)", "withdrawal(dr.)")
          .column(Role.DEPOSIT, "deposit (cr.)", "deposit(cr.)")
          .column(Role.BALANCE, "balance")
          .build();

  /**
   * IDBI Bank, the account statement download: {@code Srl, Txn Date, Value Date, Description,
   * Cheque No, CR/DR, CCY, Amount (INR), Balance (INR)}; the direction is the {@code CR/DR} column
   * ({@code Cr.}/{@code Dr.}), away from the amount; dates with the time ({@code 01/04/2025 10:15:32
   * AM}).
   */
  public static final PassbookProfile IDBI =
      builder("idbi", "IDBI Bank", Dates.of("dd/MM/yyyy", "dd-MM-yyyy", "dd/MM/yy"))
          .header("Txn Date,Description,CR/DR,Amount (INR),Balance (INR)")
          .markerRequired()
          .column(Role.DATE, "txn date")
          .column(Role.NARRATION, "description", "particulars")
          .column(Role.REFERENCE, "cheque no", "cheque no.")
          .column(Role.AMOUNT, "amount (inr)", "amount", "trxn amount", "txn amount")
          .column(Role.BALANCE, "balance (inr)", "balance")
          .build();

  /**
   * Bank of Baroda, the account statement from bob World / its branches: {@code TRAN DATE, VALUE
   * DATE, NARRATION, CHQ.NO., WITHDRAWAL(DR), DEPOSIT(CR), BALANCE(INR)}, dates {@code dd-MM-yyyy}
   * or {@code dd/MM/yyyy}, balances with {@code Cr}.
   */
  public static final PassbookProfile BOB =
      builder("bob", "Bank of Baroda", Dates.of("dd-MM-yyyy", "dd/MM/yyyy", "dd-MM-yy", "dd/MM/yy"))
          .header("TRAN DATE,NARRATION,WITHDRAWAL(DR),DEPOSIT(CR),BALANCE(INR)")
          .column(Role.DATE, "tran date")
          .column(Role.NARRATION, "narration")
          .column(Role.REFERENCE, "chq.no.", "chq no", "chq.no")
          .column(Role.WITHDRAWAL, "withdrawal(dr)", "withdrawal (dr)")
          .column(Role.DEPOSIT, "deposit(cr)", "deposit (cr)")
          .column(Role.BALANCE, "balance(inr)", "balance")
          .build();

  /**
   * Bank of Baroda, the mini statement download: {@code Tran Date, Particulars, Tran Amount,
   * Balance}, one signed amount ({@code -3,000.00} is money out), its columns spread over empty
   * cells (the spreadsheet's merged cells), dates {@code dd-MM-yyyy}.
   */
  public static final PassbookProfile BOB_MINI =
      builder("bob-mini", "Bank of Baroda",
              Dates.of("dd-MM-yyyy", "dd/MM/yyyy", "dd-MM-yy", "dd/MM/yy"))
          .header("Tran Date,Particulars,Tran Amount,Balance")
          .signedAmounts()
          .column(Role.DATE, "tran date")
          .column(Role.NARRATION, "particulars", "narration")
          .column(Role.AMOUNT, "tran amount", "amount")
          .column(Role.BALANCE, "balance", "balance(inr)")
          .build();

  /**
   * Co-operative banks (and any layout with a {@code Particulars} column): {@code Date,
   * Particulars, Chq No, Debit/Withdrawals, Credit/Deposits, Balance}, columns named in the words
   * banks use, dates day first, often a {@code By Opening Balance} row first and a closing row
   * last.
   */
  public static final PassbookProfile PARTICULARS =
      builder("particulars", "co-operative banks (any layout with a Particulars column)",
              Dates.of(DAY_FIRST.patterns()))
          .header("Date,Particulars,Debit,Credit,Balance")
          .broad()
          .column(Role.DATE, DATE_WORDS)
          .column(Role.NARRATION, "particulars", "particular")
          .column(Role.REFERENCE, REFERENCE_WORDS)
          .column(Role.WITHDRAWAL, WITHDRAWAL_WORDS)
          .column(Role.DEPOSIT, DEPOSIT_WORDS)
          .column(Role.BALANCE, BALANCE_WORDS)
          .build();

  /**
   * Every built-in profile, in the order detection breaks ties in: the registry. A profile
   * declared above and missing here fails a test.
   */
  public static final List<PassbookProfile> BUILT_IN =
      List.of(GENERIC, SBI, HDFC, ICICI, KOTAK, KOTAK_DEBIT_CREDIT, IDBI, BOB, BOB_MINI, PARTICULARS);

  private final String name;
  private final String bank;
  private final String header;
  private final DateCell dates;
  private final Map<Role, List<String>> names;
  private final boolean broad;
  private final boolean signedAmounts;
  private final boolean markerRequired;

  private PassbookProfile(Builder b) {
    this.name = b.name;
    this.bank = b.bank;
    this.header = b.header;
    this.dates = new DateCell(b.dates);
    this.names = Map.copyOf(b.names);
    this.broad = b.broad;
    this.signedAmounts = b.signedAmounts;
    this.markerRequired = b.markerRequired;
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
   * Whether this profile reads any layout named in the words banks use, rather than one bank's
   * names: a bank's own profile is preferred to it when both read a header.
   *
   * @return true for {@link #GENERIC} and {@link #PARTICULARS}
   */
  public boolean broad() {
    return broad;
  }

  /**
   * Whether a single amount column without a Dr/Cr marker is read by its sign (a minus is money
   * out), as Bank of Baroda's mini statement writes it.
   *
   * @return true if signed amounts are read
   */
  public boolean signedAmounts() {
    return signedAmounts;
  }

  /** How this profile reads dates; for the reader beside it, since the date reader is not API. */
  DateCell dates() {
    return dates;
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }

  /**
   * The profile that reads a row as its header, as detection chooses it: of the built-in profiles
   * (or only the one given) that read the row, a bank's own before a broad one, then the one that
   * names the most cells, then the first in {@link #BUILT_IN}.
   *
   * @param row a row of the file, not null
   * @param candidates the profiles to ask, in the order ties go by, not null
   * @return the columns of the chosen profile, or empty if none reads the row as its header
   */
  public static Optional<Columns> detect(CsvRow row, List<PassbookProfile> candidates) {
    List<String> cells = new ArrayList<>(row.size());
    for (int i = 0; i < row.size(); i++) {
      cells.add(normalize(row.cell(i)));
    }
    Columns best = null;
    for (PassbookProfile candidate : candidates) {
      Columns columns = candidate.match(cells);
      if (columns != null && (best == null || columns.beats(best))) {
        best = columns;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The columns of a header row, if it is this profile's header.
   *
   * @param row a row of the file, not null
   * @return where each role is, or empty if the row lacks a required column
   */
  public Optional<Columns> match(CsvRow row) {
    return detect(row, List.of(this));
  }

  private Columns match(List<String> cells) {
    EnumMap<Role, Integer> found = new EnumMap<>(Role.class);
    boolean[] taken = new boolean[cells.size()];
    for (Role role : Role.values()) {
      List<String> wanted = names.get(role);
      if (wanted == null) {
        continue;
      }
      // the role's first name found wins, so that "Txn Date" is the date before "Value Date"
      for (int n = 0; n < wanted.size() && !found.containsKey(role); n++) {
        for (int i = 0; i < cells.size(); i++) {
          if (!taken[i] && cells.get(i).equals(wanted.get(n))) {
            found.put(role, i);
            taken[i] = true;
            break;
          }
        }
      }
    }
    boolean separate = found.containsKey(Role.WITHDRAWAL) && found.containsKey(Role.DEPOSIT);
    if (separate) {
      // a header with both reads the two columns; an Amount beside them is something else
      found.remove(Role.AMOUNT);
    } else {
      found.remove(Role.WITHDRAWAL);
      found.remove(Role.DEPOSIT);
    }
    if (!found.containsKey(Role.DATE) || !found.containsKey(Role.NARRATION)
        || !found.containsKey(Role.BALANCE) || !(separate || found.containsKey(Role.AMOUNT))) {
      return null;
    }
    int balanceMarker = markerAt(cells, found.get(Role.BALANCE) + 1);
    int amountMarker = -1;
    if (!separate) {
      // beside the amount, or anywhere else in the row (IDBI's CR/DR column)
      amountMarker = markerAt(cells, found.get(Role.AMOUNT) + 1);
      for (int i = 0; i < cells.size() && amountMarker < 0; i++) {
        if (i != balanceMarker && !taken[i] && MARKER_NAMES.contains(cells.get(i))) {
          amountMarker = i;
        }
      }
      if (amountMarker < 0 && markerRequired) {
        return null;
      }
    }
    Map<Role, Integer> spreadTo = new EnumMap<>(Role.class);
    for (Map.Entry<Role, Integer> role : found.entrySet()) {
      int end = role.getValue() + 1;
      while (end < cells.size() && cells.get(end).isEmpty()) {
        end++;
      }
      spreadTo.put(role.getKey(), end);
    }
    return new Columns(this, found, amountMarker, balanceMarker, cells.size(), spreadTo);
  }

  private static int markerAt(List<String> cells, int column) {
    return column < cells.size() && MARKER_NAMES.contains(cells.get(column)) ? column : -1;
  }

  /**
   * A header name as compared: lower case, inner spaces collapsed, no space before {@code )}, an
   * underscore as a space ({@code STMT_DATE}).
   *
   * @param header the header cell, not null
   * @return the normalized name, not null
   */
  static String normalize(String header) {
    String s = header.indexOf('_') >= 0 ? header.replace('_', ' ') : header;
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replace(" )", ")");
  }

  private static List<String> normalized(String... headerNames) {
    List<String> out = new ArrayList<>(headerNames.length);
    for (String headerName : headerNames) {
      out.add(normalize(headerName));
    }
    return List.copyOf(out);
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
    private boolean broad;
    private boolean signedAmounts;
    private boolean markerRequired;

    Builder(String name, String bank, Dates dates) {
      this.name = name;
      this.bank = bank;
      this.dates = dates;
    }

    Builder header(String shown) {
      header = shown;
      return this;
    }

    Builder broad() {
      broad = true;
      return this;
    }

    Builder signedAmounts() {
      signedAmounts = true;
      return this;
    }

    Builder markerRequired() {
      markerRequired = true;
      return this;
    }

    Builder column(Role role, String... headerNames) {
      names.put(role, normalized(headerNames));
      return this;
    }

    PassbookProfile build() {
      boolean separate = names.containsKey(Role.WITHDRAWAL) && names.containsKey(Role.DEPOSIT);
      if (!separate && !names.containsKey(Role.AMOUNT)) {
        throw new IllegalStateException(name + ": withdrawal and deposit, or amount, or both");
      }
      if (header == null) {
        throw new IllegalStateException(name + ": no header to show in messages");
      }
      return new PassbookProfile(this);
    }
  }

  /**
   * Where each column of a matched header is.
   *
   * @param profile the profile that matched, not null
   * @param roles each role's column, from 0; a missing optional role is absent, not null
   * @param amountMarker the Dr/Cr column of the amount (beside it or anywhere in the row), or -1
   * @param balanceMarker the Dr/Cr column after the balance, or -1
   * @param width how many cells the header has
   * @param spreadTo for each role, the column after the empty header cells that follow it: a value
   *     a spreadsheet wrote into one of those, under no name of its own, is the role's, not null
   */
  public record Columns(
      PassbookProfile profile, Map<Role, Integer> roles, int amountMarker, int balanceMarker,
      int width, Map<Role, Integer> spreadTo) {

    /**
     * Creates the columns.
     *
     * @param profile the profile that matched, not null
     * @param roles each role's column, from 0; a missing optional role is absent, not null
     * @param amountMarker the Dr/Cr column of the amount, or -1
     * @param balanceMarker the Dr/Cr column after the balance, or -1
     * @param width how many cells the header has
     * @param spreadTo for each role, the column after the empty header cells that follow it, not
     *     null
     * @throws NullPointerException if an argument is null
     */
    public Columns {
      Objects.requireNonNull(profile, "profile");
      roles = Map.copyOf(roles);
      spreadTo = Map.copyOf(spreadTo);
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

    /** How many of the header's cells the profile named. */
    int named() {
      return roles.size() + (amountMarker >= 0 ? 1 : 0) + (balanceMarker >= 0 ? 1 : 0);
    }

    /** Whether detection prefers these columns to others the same row gave. */
    boolean beats(Columns other) {
      if (profile.broad() != other.profile().broad()) {
        return !profile.broad();
      }
      return named() > other.named();
    }
  }
}
