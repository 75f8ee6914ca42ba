package org.shgledger.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.BankLoan;
import org.shgledger.group.BearerTerm;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.Role;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.AllocationOrder;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestBasis;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.Loan;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.OpenLoanTerms;
import org.shgledger.loan.PaymentRule;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;

/**
 * The registry's columns, in one place: the order each record's columns are read and written in
 * (the same order for both), and how each becomes a value of the engine's types and back.
 */
final class RegistryRows {

  static final String GROUP_COLUMNS =
      "book_id, name, currency, formed_epoch_day, meeting_frequency, compulsory_savings_minor,"
          + " rounding_unit, rounding_mode, financial_year_start_month, loan_rate_percent,"
          + " loan_rate_per, loan_method, loan_instalments, loan_frequency, loan_allocation_order";

  static final String MEMBER_COLUMNS =
      "member_id, name, category, joined_epoch_day, exited_epoch_day, bank_name, bank_ifsc,"
          + " bank_account_masked, bank_account_opened_epoch_day";

  static final String TERM_COLUMNS = "role, member_id, from_epoch_day, to_epoch_day";

  static final String LOAN_COLUMNS =
      "loan_id, member_id, channel, disbursement_entry_id, allocation_order, terms_kind,"
          + " principal_minor, currency,"
          + " rate_percent, rate_per, disbursement_epoch_day, interest_rounding_unit,"
          + " interest_rounding_mode, method, instalment_count, frequency, first_due_epoch_day,"
          + " interest_only_instalments, instalment_multiple_minor, instalment_rounding_mode,"
          + " interest_basis, payment_rule, instalment_amount_minor";

  static final String EVENT_COLUMNS = "kind, event_id, event_epoch_day, amount_minor, currency";

  static final String BANK_LOAN_COLUMNS =
      "receipt_entry_id, received_epoch_day, principal_minor, currency, annual_rate_percent, instalment_count,"
          + " method";

  private static final String SCHEDULED = "SCHEDULED";
  private static final String OPEN = "OPEN";

  private RegistryRows() {}

  /**
   * The failure to report when a stored row cannot be read back into the engine's types.
   *
   * @param book the row's book (its id)
   * @param table its table
   * @param key what tells it apart, as {@code loan_id=L1}
   * @param cause what reading it threw
   * @return a {@link StoreException.Kind#UNREADABLE_ROW} naming the row
   */
  static StoreException unreadable(Object book, String table, String key, RuntimeException cause) {
    return new StoreException(StoreException.Kind.UNREADABLE_ROW,
        "book " + book + ": the stored " + table + " row (" + key + ") cannot be read (" + cause.getMessage()
            + "): the database was changed outside shg-ledger; shg verify " + book + " names what changed",
        cause);
  }

  /** One placeholder for each of a list of columns: {@code ?, ?, ?} for {@code "a, b, c"}. */
  static String placeholders(String columns) {
    return String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
  }

  // ---- groups ----

  static void write(Parameters out, Group group) throws SQLException {
    LoanDefaults loans = group.loanDefaults();
    out.text(group.code().value())
        .text(group.name())
        .text(group.currency().getCode())
        .number(group.formed().toEpochDay())
        .text(group.meetingFrequency().name())
        .number(group.compulsorySavings().getAmountMinorLong())
        .text(group.rounding().unit().name())
        .text(group.rounding().mode().name())
        .integer(group.financialYearStart().getValue())
        .text(loans.rate().percent().toPlainString())
        .text(loans.rate().per().name())
        .text(loans.method().map(Enum::name).orElse(null))
        .integer(loans.instalments())
        .text(loans.frequency().name())
        .text(order(loans.allocationOrder()));
  }

  static Group group(Cursor in) throws SQLException {
    BookId code = BookId.of(in.text());
    String name = in.text();
    CurrencyUnit currency = CurrencyUnit.of(in.text());
    LocalDate formed = in.date();
    MeetingFrequency meetingFrequency = MeetingFrequency.valueOf(in.text());
    Money compulsorySavings = Money.ofMinor(currency, in.number());
    RoundingPolicy rounding = rounding(in);
    Month yearStart = Month.of(in.integer());
    InterestRate rate = rate(in);
    Optional<RepaymentMethod> method = in.optionalText().map(RepaymentMethod::valueOf);
    int instalments = in.integer();
    Frequency frequency = Frequency.valueOf(in.text());
    AllocationOrder order = order(in.text());
    return new Group(code, name, currency, formed, meetingFrequency, compulsorySavings, rounding, yearStart,
        new LoanDefaults(rate, method, instalments, frequency, order));
  }

  // ---- members ----

  static void write(Parameters out, Member member) throws SQLException {
    Optional<MemberBankAccount> bank = member.bankAccount();
    out.text(member.id().value())
        .text(member.name())
        .text(member.category().name())
        .number(member.joined().toEpochDay())
        .number(member.exited().map(LocalDate::toEpochDay).orElse(null))
        .text(bank.map(MemberBankAccount::bankName).orElse(null))
        .text(bank.map(MemberBankAccount::ifsc).orElse(null))
        .text(bank.map(MemberBankAccount::maskedNumber).orElse(null))
        .number(bank.map(account -> account.opened().toEpochDay()).orElse(null));
  }

  static Member member(Cursor in) throws SQLException {
    MemberId id = MemberId.of(in.text());
    String name = in.text();
    MemberCategory category = MemberCategory.valueOf(in.text());
    LocalDate joined = in.date();
    Optional<LocalDate> exited = in.optionalDate();
    Optional<String> bankName = in.optionalText();
    Optional<String> ifsc = in.optionalText();
    Optional<String> masked = in.optionalText();
    Optional<LocalDate> opened = in.optionalDate();
    Optional<MemberBankAccount> bank = bankName.map(bankNameValue ->
        new MemberBankAccount(bankNameValue, ifsc.orElseThrow(), masked.orElseThrow(), opened.orElseThrow()));
    return new Member(id, name, category, joined, exited, bank);
  }

  // ---- office-bearer terms ----

  static void write(Parameters out, BearerTerm term) throws SQLException {
    out.text(term.role().name())
        .text(term.member().value())
        .number(term.from().toEpochDay())
        .number(term.to().toEpochDay());
  }

  static BearerTerm term(Cursor in) throws SQLException {
    return new BearerTerm(Role.valueOf(in.text()), MemberId.of(in.text()), in.date(), in.date());
  }

  // ---- loans ----

  static void write(Parameters out, MemberLoan loan) throws SQLException {
    Loan terms = loan.terms();
    out.text(loan.id().value())
        .text(loan.member().value())
        .text(loan.channel().name())
        .text(loan.disbursement().value())
        .text(order(loan.allocationOrder()))
        .text(terms instanceof LoanTerms ? SCHEDULED : OPEN)
        .number(terms.principal().getAmountMinorLong())
        .text(terms.currency().getCode())
        .text(terms.rate().percent().toPlainString())
        .text(terms.rate().per().name())
        .number(terms.disbursementDate().toEpochDay())
        .text(terms.interestRounding().unit().name())
        .text(terms.interestRounding().mode().name());
    if (terms instanceof LoanTerms scheduled) {
      out.text(scheduled.method().name())
          .integer(scheduled.instalmentCount())
          .text(scheduled.frequency().name())
          .number(scheduled.firstDueDate().toEpochDay())
          .integer(scheduled.interestOnlyInstalments())
          .number(scheduled.instalmentMultiple().getAmountMinorLong())
          .text(scheduled.instalmentRounding().name())
          .text(scheduled.interestBasis().name());
    } else {
      out.text(null).integer(null).text(null).number(null).integer(null).number(null).text(null).text(null);
    }
    // V7: NULL for loans recorded before it, which split payments by the old rule
    out.text(loan.paymentRule() == PaymentRule.SCHEDULE_AHEAD ? null : loan.paymentRule().name());
    // V7: a fixed instalment, NULL for none (and for every loan recorded before it)
    out.number(terms instanceof LoanTerms scheduled
        ? scheduled.fixedInstalment().map(Money::getAmountMinorLong).orElse(null) : null);
  }

  static MemberLoan loan(Cursor in) throws SQLException {
    LoanId id = LoanId.of(in.text());
    MemberId member = MemberId.of(in.text());
    Channel channel = Channel.valueOf(in.text());
    EntryId disbursement = EntryId.of(in.text());
    AllocationOrder order = order(in.text());
    String kind = in.text();
    long principalMinor = in.number();
    CurrencyUnit currency = CurrencyUnit.of(in.text());
    Money principal = Money.ofMinor(currency, principalMinor);
    InterestRate rate = rate(in);
    LocalDate disbursed = in.date();
    RoundingPolicy interestRounding = rounding(in);
    Loan terms;
    if (OPEN.equals(kind)) {
      terms = new OpenLoanTerms(principal, rate, disbursed, interestRounding);
      for (int skipped = 0; skipped < 8; skipped++) {
        in.optionalText(); // the schedule's columns, NULL for an open loan
      }
    } else {
      RepaymentMethod method = RepaymentMethod.valueOf(in.text());
      int count = in.integer();
      Frequency frequency = Frequency.valueOf(in.text());
      LocalDate firstDue = in.date();
      int interestOnly = in.integer();
      Money multiple = Money.ofMinor(currency, in.number());
      RoundingMode instalmentRounding = RoundingMode.valueOf(in.text());
      InterestBasis basis = InterestBasis.valueOf(in.text());
      terms = LoanTerms.of(principal, rate, method, count, frequency, disbursed, firstDue, interestOnly,
          multiple, instalmentRounding, interestRounding, basis);
    }
    Optional<String> rule = in.optionalText();
    Optional<Long> fixedMinor = in.optionalNumber();
    if (fixedMinor.isPresent() && terms instanceof LoanTerms scheduled) {
      // the count follows from the amount, as when the loan was paid out
      terms = scheduled.withFixedInstalment(Money.ofMinor(currency, fixedMinor.get()));
    }
    return new MemberLoan(id, member, terms, channel, disbursement, order,
        rule.map(PaymentRule::valueOf).orElse(PaymentRule.SCHEDULE_AHEAD));
  }

  /**
   * Checks that a loan read back from the columns it would be written to is equal to it, so that
   * nothing is stored that cannot be read.
   *
   * @throws StoreException {@link StoreException.Kind#UNSTORABLE_VALUE} if it is not
   */
  static void requireRestorable(BookId book, MemberLoan loan) {
    List<Object> columns = new ArrayList<>();
    try {
      write(new Parameters(columns), loan);
      MemberLoan restored = loan(new Cursor(columns));
      if (restored.equals(loan)) {
        return;
      }
    } catch (IllegalArgumentException | ArithmeticException | SQLException e) {
      // not restorable; said below
    }
    throw new StoreException(
        StoreException.Kind.UNSTORABLE_VALUE,
        "group " + book + ", loan " + loan.id() + ": its terms (" + loan.terms() + ") cannot be"
            + " rebuilt exactly from their stored columns; nothing was recorded",
        null);
  }

  // ---- loan events ----

  static void write(Parameters out, LoanEvent event) throws SQLException {
    out.text(event.kind().name())
        .text(event.id().value())
        .number(event.date().toEpochDay())
        .number(event.amount().getAmountMinorLong())
        .text(event.amount().getCurrencyUnit().getCode());
  }

  static LoanEvent event(Cursor in) throws SQLException {
    LoanEvent.Kind kind = LoanEvent.Kind.valueOf(in.text());
    EntryId id = EntryId.of(in.text());
    LocalDate date = in.date();
    long amountMinor = in.number();
    return new LoanEvent(kind, id, date, Money.ofMinor(CurrencyUnit.of(in.text()), amountMinor));
  }

  // ---- bank loans ----

  static void write(Parameters out, BankLoan loan) throws SQLException {
    out.text(loan.receipt().value())
        .number(loan.received().toEpochDay())
        .number(loan.principal().getAmountMinorLong())
        .text(loan.principal().getCurrencyUnit().getCode())
        .text(loan.annualRatePercent().toPlainString())
        .integer(loan.instalments())
        .text(loan.method().name());
  }

  static BankLoan bankLoan(Cursor in) throws SQLException {
    EntryId receipt = EntryId.of(in.text());
    LocalDate received = in.date();
    long principalMinor = in.number();
    Money principal = Money.ofMinor(CurrencyUnit.of(in.text()), principalMinor);
    BigDecimal rate = new BigDecimal(in.text());
    int instalments = in.integer();
    return new BankLoan(receipt, received, principal, rate, instalments, RepaymentMethod.valueOf(in.text()));
  }

  /** An allocation order as its parts' names, first paid first: {@code FINES,INTEREST,PRINCIPAL}. */
  private static String order(AllocationOrder order) {
    return order.parts().stream().map(Enum::name).collect(Collectors.joining(","));
  }

  private static AllocationOrder order(String text) {
    return new AllocationOrder(Arrays.stream(text.split(",")).map(AllocationOrder.Part::valueOf).toList());
  }

  private static InterestRate rate(Cursor in) throws SQLException {
    return new InterestRate(new BigDecimal(in.text()), InterestRate.Per.valueOf(in.text()));
  }

  private static RoundingPolicy rounding(Cursor in) throws SQLException {
    return new RoundingPolicy(RoundingPolicy.Unit.valueOf(in.text()), RoundingMode.valueOf(in.text()));
  }

  // ---- columns left to right ----

  /**
   * Sets a statement's parameters left to right, or collects them in a list (to read them back
   * with a {@link Cursor} without a database). A null is SQL NULL.
   */
  static final class Parameters {
    private final PreparedStatement statement;
    private final List<Object> values;
    private int index;

    Parameters(PreparedStatement statement, int first) {
      this.statement = statement;
      this.values = null;
      this.index = first;
    }

    Parameters(List<Object> values) {
      this.statement = null;
      this.values = values;
    }

    Parameters text(String value) throws SQLException {
      if (statement == null) {
        values.add(value);
      } else {
        statement.setString(index++, value);
      }
      return this;
    }

    Parameters number(Long value) throws SQLException {
      if (statement == null) {
        values.add(value);
      } else if (value == null) {
        statement.setNull(index++, Types.BIGINT);
      } else {
        statement.setLong(index++, value);
      }
      return this;
    }

    Parameters integer(Integer value) throws SQLException {
      if (statement == null) {
        values.add(value);
      } else if (value == null) {
        statement.setNull(index++, Types.INTEGER);
      } else {
        statement.setInt(index++, value);
      }
      return this;
    }
  }

  /** Reads a row's columns left to right, from a result set or a list of values. */
  static final class Cursor {
    private final ResultSet row;
    private final List<Object> values;
    private int index;

    Cursor(ResultSet row, int first) {
      this.row = row;
      this.values = null;
      this.index = first;
    }

    Cursor(List<Object> values) {
      this.row = null;
      this.values = values;
    }

    String text() throws SQLException {
      int column = index;
      return optionalText().orElseThrow(() -> new IllegalStateException("column " + column + " is NULL"));
    }

    Optional<String> optionalText() throws SQLException {
      return Optional.ofNullable(row == null ? (String) values.get(index++) : row.getString(index++));
    }

    long number() throws SQLException {
      int column = index;
      return optionalNumber().orElseThrow(() -> new IllegalStateException("column " + column + " is NULL"));
    }

    Optional<Long> optionalNumber() throws SQLException {
      if (row == null) {
        Object value = values.get(index++);
        return Optional.ofNullable(value == null ? null : ((Number) value).longValue());
      }
      long value = row.getLong(index++);
      return row.wasNull() ? Optional.empty() : Optional.of(value);
    }

    int integer() throws SQLException {
      return Math.toIntExact(number());
    }

    LocalDate date() throws SQLException {
      return LocalDate.ofEpochDay(number());
    }

    Optional<LocalDate> optionalDate() throws SQLException {
      return optionalNumber().map(LocalDate::ofEpochDay);
    }
  }
}
