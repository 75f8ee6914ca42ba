package org.shgledger.sample;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * One made-up group's files, as in {@code seeds/}: {@code group.txt}, {@code members.csv}, {@code
 * meetings.csv}, {@code passbook.csv} and {@code rules.txt}, from a story played month by month
 * with pseudo-random choices of a seed.
 *
 * <p>The story: members save ₹100 a month (an adolescent girl ₹50) at a meeting on the 10th;
 * an absent member pays the missed savings at the next meeting with a fine of ₹10; women borrow
 * whole thousands at 2 % a month flat over 10 (or 5) months, one loan at a time, and repay the
 * scheduled instalment at each meeting (a {@linkplain Spec#defaulters defaulter} often skips, and
 * stops paying in the last five months: loans in arrears). The treasurer banks, the next day the
 * bank is open, all but a few hundred rupees of the box; when a meeting lends more than the box
 * holds she draws the difference from the bank that day ({@code CASH WITHDRAWAL SELF}). The bank
 * credits 2.7 % a year at each quarter's end and charges ₹17.70 for SMS alerts in the month after.
 * With {@link Spec#revolvingFund} the village organisation sends a Revolving Fund in the sixth
 * month; with {@link Spec#bankLoan} the bank lends the group (SHG–bank linkage) in the thirteenth
 * month (the seventh in a one-year story), recovering principal and interest from the account the
 * day after each meeting, and the group lends that money on to its members.
 *
 * <p>Every amount is whole rupees except the bank's charges. The files import cleanly with {@code
 * shg import books} (the register and the passbook together: a meeting that lends cash drawn from
 * the bank that day needs that order), nothing goes to Suspense, and the books' bank account
 * ends at the passbook's last balance.
 */
public final class SampleGroup {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final Money ZERO = Money.zero(INR);
  private static final Money SMS_CHARGE = Money.ofMinor(INR, 1770);
  private static final BigDecimal SB_QUARTER_RATE = new BigDecimal("0.00675");
  private static final BigDecimal BANK_LOAN_MONTH_RATE = new BigDecimal("0.01");
  private static final int BANK_LOAN_MONTHS = 36;

  /** The meeting register's header. */
  static final String MEETINGS_HEADER =
      "date,member,present,savings,voluntary_savings,repaid_total,fine,loan_given,loan_instalments";

  private SampleGroup() {}

  /**
   * What to generate.
   *
   * @param code the group's code, not null
   * @param name the group's name, not null
   * @param formed the day it was formed, the first of a month, not null
   * @param members how many members, 1 to 999
   * @param years how many years of monthly meetings, at least 1
   * @param seed the seed of the pseudo-random choices
   * @param layout the bank's layout of its passbook, not null
   * @param revolvingFund whether it receives a Revolving Fund grant
   * @param bankLoan whether it takes a bank loan and lends it on
   * @param defaulters how many members (from the last) repay badly, 0 or more
   */
  public record Spec(String code, String name, LocalDate formed, int members, int years, long seed,
      BankLayout layout, boolean revolvingFund, boolean bankLoan, int defaulters) {

    /**
     * Creates a specification.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a number is out of range or formed is not a first
     */
    public Spec {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(formed, "formed");
      Objects.requireNonNull(layout, "layout");
      if (members < 1 || members > 999 || years < 1 || defaulters < 0 || formed.getDayOfMonth() != 1) {
        throw new IllegalArgumentException("members 1 to 999, years at least 1, formed on a first: " + this);
      }
    }
  }

  /**
   * A group's files, as text.
   *
   * @param group {@code group.txt}, not null
   * @param members {@code members.csv}, not null
   * @param meetings {@code meetings.csv}, not null
   * @param passbook {@code passbook.csv}, not null
   * @param rules {@code rules.txt}, not null
   * @param bankLines how many lines the passbook has
   * @param closingBalance the passbook's last balance, not null
   */
  public record Files(String group, String members, String meetings, String passbook, String rules,
      int bankLines, Money closingBalance) {

    /**
     * Writes the five files into a folder, creating it.
     *
     * @param folder the folder, not null
     * @throws UncheckedIOException if a file cannot be written
     */
    public void writeTo(Path folder) {
      try {
        java.nio.file.Files.createDirectories(folder);
        write(folder, "group.txt", group);
        write(folder, "members.csv", members);
        write(folder, "meetings.csv", meetings);
        write(folder, "passbook.csv", passbook);
        write(folder, "rules.txt", rules);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a generated group into " + folder, e);
      }
    }

    private static void write(Path folder, String name, String text) throws IOException {
      java.nio.file.Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
  }

  /** The rules that send each narration the story writes to its account. */
  public static final String RULES = """
      # Passbook rules, PATTERN -> ACCOUNT (docs/import.md): the first that matches wins.
      # the treasurer banks the meeting's cash, and draws cash for loans the box cannot pay
      ^BY CASH$                  -> 1000
      ^CASH WITHDRAWAL SELF$     -> 1000
      # the Revolving Fund from the village organisation
      REVOLVING FUND             -> 3000
      # the SHG-bank linkage loan: paid into the account, recovered from it with its interest
      ^SHG LOAN DISBURSAL$       -> 2200
      ^LOAN PRINCIPAL RECOVERED$ -> 2200
      ^LOAN INTEREST DEBITED$    -> 5000
      # savings-bank interest at each quarter's end, SMS alert charges with GST
      ^CREDIT INTEREST$          -> 4200
      ^SMS CHGS                  -> 5100
      """;

  /** One member as the story tracks her. */
  private static final class Member {
    final String id;
    final boolean girl;
    final LocalDate joined;
    final boolean defaulter;
    final int voluntaryFrom;
    final Money voluntary;
    int missed;
    Money principal = ZERO;
    int instalments;
    Money instalment = ZERO;
    int loanMonth;
    Money paid = ZERO;
    int closedMonth = -1;

    Member(String id, boolean girl, LocalDate joined, boolean defaulter, int voluntaryFrom, Money voluntary) {
      this.id = id;
      this.girl = girl;
      this.joined = joined;
      this.defaulter = defaulter;
      this.voluntaryFrom = voluntaryFrom;
      this.voluntary = voluntary;
    }

    boolean hasLoan() {
      return principal.isPositive();
    }

    Money totalOwed() {
      return instalment.multipliedBy(instalments);
    }
  }

  /**
   * Plays the story and writes the files.
   *
   * @param spec what to generate, not null
   * @return the files, not null
   */
  public static Files generate(Spec spec) {
    SplittableRandom random = new SplittableRandom(spec.seed());
    int width = spec.members() > 99 ? 3 : 2;
    int months = 12 * spec.years();
    List<Member> members = new ArrayList<>();
    StringBuilder roster = new StringBuilder("member,name,category,joined,bank_name,bank_ifsc,bank_account\n");
    for (int i = 1; i <= spec.members(); i++) {
      String id = "M" + pad(i, width);
      boolean girl = spec.members() >= 10 && i > spec.members() - 2;
      LocalDate joined = spec.members() >= 12 && i == spec.members() && months > 6
          ? spec.formed().plusMonths(3) : spec.formed();
      boolean defaulter = i <= spec.members() - 2 && i > spec.members() - 2 - spec.defaulters();
      int voluntaryFrom = random.nextInt(4) == 0 ? random.nextInt(months) : Integer.MAX_VALUE;
      Money voluntary = Money.ofMajor(INR, 50L * (1 + random.nextInt(2)));
      members.add(new Member(id, girl, joined, defaulter, voluntaryFrom, voluntary));
      roster.append(id).append(",Member ").append(pad(i, 4)).append(',')
          .append(girl ? "adolescent_girl" : "adult_woman").append(',').append(joined).append(",,,\n");
    }

    StringBuilder register = new StringBuilder(MEETINGS_HEADER).append('\n');
    List<BankLine> bank = new ArrayList<>();
    Money cash = ZERO;
    Money balance = ZERO;
    Money bankLoan = ZERO;
    Money bankLoanInstalment = ZERO;
    int bankLoanMonth = spec.bankLoan() ? Math.min(12, months / 2) : -1;
    int fundMonth = spec.revolvingFund() ? Math.min(5, months - 1) : -1;
    long cheque = 100_001 + random.nextInt(800_000);
    for (int month = 0; month < months; month++) {
      LocalDate meeting = spec.formed().withDayOfMonth(10).plusMonths(month);
      // 1. the meeting's receipts
      List<String[]> rows = new ArrayList<>();
      for (Member m : members) {
        if (m.joined.isAfter(meeting)) {
          continue;
        }
        String[] row = new String[9];
        row[0] = meeting.toString();
        row[1] = m.id;
        boolean present = meeting.minusMonths(1).isBefore(m.joined) || random.nextInt(100) >= 6;
        row[2] = present ? "Y" : "N";
        if (!present) {
          m.missed++;
          rows.add(row);
          continue;
        }
        Money saving = Money.ofMajor(INR, (m.girl ? 50L : 100L) * (1 + m.missed));
        Money fine = m.missed > 0 ? Money.ofMajor(INR, m.girl ? 5 : 10)
            : random.nextInt(100) < 2 ? Money.ofMajor(INR, 5) : ZERO;
        m.missed = 0;
        Money voluntary = month >= m.voluntaryFrom ? m.voluntary : ZERO;
        Money repaid = ZERO;
        if (m.hasLoan()) {
          int due = Math.min(m.instalments, month - m.loanMonth);
          Money owed = m.instalment.multipliedBy(due).minus(m.paid);
          boolean skips = m.defaulter && (month >= months - 5 || random.nextInt(100) < 40);
          if (owed.isPositive() && !skips) {
            repaid = owed;
            m.paid = m.paid.plus(owed);
            if (m.paid.equals(m.totalOwed())) {
              m.principal = ZERO;
              m.closedMonth = month;
            }
          }
        }
        row[3] = amount(saving);
        row[4] = amount(voluntary);
        row[5] = amount(repaid);
        row[6] = amount(fine);
        cash = cash.plus(saving).plus(voluntary).plus(repaid).plus(fine);
        rows.add(row);
      }
      // 2. the loans it can pay for: the box and the bank, less what the bank loan will recover
      Money reserve = Money.ofMajor(INR, 200);
      if (bankLoan.isPositive()) {
        reserve = reserve.plus(bankLoanInstalment).plus(interest(bankLoan));
      }
      Money lendable = cash.plus(balance.isGreaterThan(reserve) ? balance.minus(reserve) : ZERO);
      Money lent = ZERO;
      // the bank loan is lent on: larger loans, asked for more often
      boolean linked = spec.bankLoan() && month > bankLoanMonth;
      int maxThousands = linked ? 15 : month < 12 ? 3 : 5;
      int asking = linked ? 50 : 30;
      for (int i = 0; i < rows.size(); i++) {
        Member m = memberOf(members, rows.get(i)[1]);
        // the girls save but do not borrow; a member borrows after three months in the group
        boolean asks = "Y".equals(rows.get(i)[2]) && !m.girl && !m.hasLoan() && m.closedMonth != month
            && !m.joined.plusMonths(2).isAfter(meeting) && random.nextInt(100) < asking;
        if (!asks) {
          continue;
        }
        Money amount = Money.ofMajor(INR, 1000L * (1 + random.nextInt(maxThousands)));
        if (lent.plus(amount).isGreaterThan(lendable)) {
          continue;
        }
        int instalments = random.nextInt(4) == 0 ? 5 : 10;
        lent = lent.plus(amount);
        m.principal = amount;
        m.instalments = instalments;
        m.instalment = amount.dividedBy(instalments, RoundingMode.UNNECESSARY)
            .plus(amount.multipliedBy(2).dividedBy(100, RoundingMode.UNNECESSARY));
        m.loanMonth = month;
        m.paid = ZERO;
        rows.get(i)[7] = amount(amount);
        rows.get(i)[8] = instalments == 10 ? "" : "5";
      }
      if (lent.isGreaterThan(cash)) {
        Money drawn = roundUpToHundreds(lent.minus(cash));
        balance = balance.minus(drawn);
        cash = cash.plus(drawn);
        bank.add(new BankLine(meeting, "CASH WITHDRAWAL SELF", String.valueOf(cheque++), drawn, ZERO, balance));
      }
      cash = cash.minus(lent);
      for (String[] row : rows) {
        register.append(String.join(",", blanks(row))).append('\n');
      }
      // 3. the next day the bank is open: bank the box, and the bank loan's recovery
      LocalDate next = meeting.plusDays(1);
      if (next.getDayOfWeek() == DayOfWeek.SUNDAY) {
        next = next.plusDays(1);
      }
      Money keep = Money.ofMajor(INR, 100L * (2 + random.nextInt(5)));
      if (cash.isGreaterThan(keep.plus(Money.ofMajor(INR, 100)))) {
        Money banked = roundDownToHundreds(cash.minus(keep));
        cash = cash.minus(banked);
        balance = balance.plus(banked);
        bank.add(new BankLine(next, "BY CASH", "", ZERO, banked, balance));
      }
      if (bankLoan.isPositive() && month > bankLoanMonth) {
        Money interest = interest(bankLoan);
        Money principal = bankLoan.isLessThan(bankLoanInstalment) ? bankLoan : bankLoanInstalment;
        balance = balance.minus(interest);
        bank.add(new BankLine(next, "LOAN INTEREST DEBITED", "", interest, ZERO, balance));
        balance = balance.minus(principal);
        bankLoan = bankLoan.minus(principal);
        bank.add(new BankLine(next, "LOAN PRINCIPAL RECOVERED", "", principal, ZERO, balance));
      }
      // 4. the bank's own lines of the month
      if (meeting.getMonthValue() % 3 == 1 && month > 0 && balance.isGreaterThan(SMS_CHARGE)) {
        balance = balance.minus(SMS_CHARGE);
        bank.add(new BankLine(meeting.withDayOfMonth(15), "SMS CHGS FOR QTR ENDED " + quarterBefore(meeting), "",
            SMS_CHARGE, ZERO, balance));
      }
      if (month == fundMonth) {
        Money fund = Money.ofMajor(INR, 1000L * spec.members());
        balance = balance.plus(fund);
        bank.add(new BankLine(meeting.withDayOfMonth(21), "NEFT CR REVOLVING FUND FROM VILLAGE ORGANISATION",
            "", ZERO, fund, balance));
      }
      if (month == bankLoanMonth) {
        bankLoan = Money.ofMajor(INR, 10_000L * spec.members());
        bankLoanInstalment = bankLoan.dividedBy(BANK_LOAN_MONTHS, RoundingMode.UP).rounded(0, RoundingMode.UP);
        balance = balance.plus(bankLoan);
        bank.add(new BankLine(meeting.withDayOfMonth(21), "SHG LOAN DISBURSAL", "", ZERO, bankLoan, balance));
      }
      if (meeting.getMonthValue() % 3 == 0) {
        Money interest = balance.multipliedBy(SB_QUARTER_RATE, RoundingMode.HALF_UP).rounded(0, RoundingMode.HALF_UP);
        if (interest.isPositive()) {
          balance = balance.plus(interest);
          bank.add(new BankLine(meeting.withDayOfMonth(meeting.lengthOfMonth()), "CREDIT INTEREST", "",
              ZERO, interest, balance));
        }
      }
    }

    StringWriter passbook = new StringWriter();
    String holder = spec.name().toUpperCase(java.util.Locale.ROOT);
    spec.layout().writeHeader(passbook, holder, "0000" + pad((int) Math.floorMod(spec.seed(), 1_000_000L), 6),
        spec.formed());
    long serial = 1;
    for (BankLine line : bank) {
      spec.layout().writeLine(passbook, serial++, line);
    }
    return new Files(groupFile(spec), roster.toString(), register.toString(), passbook.toString(), RULES,
        bank.size(), balance);
  }

  /** The group's {@code group.txt}: the arguments of {@code shg group create}, one a line. */
  static String groupFile(Spec spec) {
    return "# " + spec.name() + ", made up by shg generate: the arguments of shg group create, one a line.\n"
        + spec.code() + "\n--name " + spec.name() + "\n--currency INR\n--formed " + spec.formed()
        + "\n--frequency monthly\n--monthly-savings 100\n--rounding whole\n--year-start 4"
        + "\n--loan-monthly-rate 2\n--loan-method flat\n--loan-instalments 10\n";
  }

  private static Member memberOf(List<Member> members, String id) {
    for (Member m : members) {
      if (m.id.equals(id)) {
        return m;
      }
    }
    throw new IllegalStateException(id);
  }

  /** A month's interest on the bank loan, whole rupees. */
  private static Money interest(Money loan) {
    return loan.multipliedBy(BANK_LOAN_MONTH_RATE, RoundingMode.HALF_UP).rounded(0, RoundingMode.HALF_UP);
  }

  private static Money roundUpToHundreds(Money amount) {
    return amount.dividedBy(100, RoundingMode.UP).rounded(0, RoundingMode.UP).multipliedBy(100);
  }

  private static Money roundDownToHundreds(Money amount) {
    return amount.dividedBy(100, RoundingMode.DOWN).rounded(0, RoundingMode.DOWN).multipliedBy(100);
  }

  private static String[] blanks(String[] row) {
    String[] cells = new String[row.length];
    for (int i = 0; i < row.length; i++) {
      cells[i] = row[i] == null ? "" : row[i];
    }
    return cells;
  }

  /** A whole-rupee amount as the register writes it, blank for zero. */
  private static String amount(Money amount) {
    return amount.isZero() ? null : amount.getAmount().setScale(0, RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String pad(int number, int width) {
    return String.format("%0" + width + "d", number);
  }

  /** The quarter before the date, as banks name it: {@code JUN24}. */
  private static String quarterBefore(LocalDate date) {
    LocalDate end = date.withDayOfMonth(1).minusMonths(1);
    return end.getMonth().name().substring(0, 3) + String.format("%02d", end.getYear() % 100);
  }
}
