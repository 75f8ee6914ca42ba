package org.shgledger.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.LoanId;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.journal.BookId;
import org.shgledger.loan.LoanHistory;
import org.shgledger.loan.LoanState;

/**
 * What a group expects at a meeting, member by member, printed before it (docs/cli.md, "shg
 * meeting sheet"): her compulsory savings due, each loan's payment due split into penalty,
 * interest and principal, the arrears among it, and her balances as the meeting opens.
 *
 * <p>Everything is as at the end of the day before the meeting, with the instalments falling due
 * on the meeting's day added: a payment recorded on the day itself is not counted, so a sheet
 * printed again after the meeting shows the same expected amounts. A loan's payment due is what
 * clears it ({@link LoanState#totalDue()}): paid at the meeting, the loan's own allocation pays
 * exactly the penalty, interest and principal shown. A loan paid out at the meeting itself owes
 * nothing at it and is not listed. The groups' books hold no rules for fines, so the sheet
 * suggests none.
 *
 * @param group the group, not null
 * @param name the group's name, not null
 * @param date the meeting's day, not null
 * @param currency the group's currency, not null
 * @param lines one per member of the group on that day, in member id order, not null
 */
public record MeetingSheet(BookId group, String name, LocalDate date, CurrencyUnit currency, List<Line> lines) {

  /**
   * Creates the sheet.
   *
   * @param group the group, not null
   * @param name the group's name, not null
   * @param date the meeting's day, not null
   * @param currency the group's currency, not null
   * @param lines one per member, not null
   * @throws NullPointerException if an argument or line is null
   */
  public MeetingSheet {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(lines);
  }

  /**
   * One member's expected amounts.
   *
   * @param member the member, not null
   * @param savingsDue her compulsory savings due at the meeting, not null
   * @param loans her loans with something owing, oldest first, not null
   * @param savings her savings (compulsory and voluntary) at the end of the day before, not null
   * @param loanOutstanding the principal she owes on all her loans at the end of the day before,
   *     not null
   */
  public record Line(MemberId member, Money savingsDue, List<LoanDue> loans, Money savings, Money loanOutstanding) {

    /**
     * Creates the line.
     *
     * @param member the member, not null
     * @param savingsDue her compulsory savings due, not null
     * @param loans her loans with something owing, not null
     * @param savings her savings the day before, not null
     * @param loanOutstanding her principal outstanding the day before, not null
     * @throws NullPointerException if an argument is null
     */
    public Line {
      Objects.requireNonNull(member, "member");
      Objects.requireNonNull(savingsDue, "savingsDue");
      loans = List.copyOf(loans);
      Objects.requireNonNull(savings, "savings");
      Objects.requireNonNull(loanOutstanding, "loanOutstanding");
    }

    /**
     * The sum of one figure over her loans.
     *
     * @param figure the figure, such as {@link LoanDue#principal}, not null
     * @return the sum, zero without loans, not null
     */
    public Money loans(Function<LoanDue, Money> figure) {
      Money sum = Money.zero(savingsDue.getCurrencyUnit());
      for (LoanDue loan : loans) {
        sum = sum.plus(figure.apply(loan));
      }
      return sum;
    }

    /**
     * Everything expected from her: savings due and every loan's payment due.
     *
     * @return the total, not null
     */
    public Money total() {
      return savingsDue.plus(loans(LoanDue::payment));
    }
  }

  /**
   * What one loan owes at the meeting.
   *
   * @param loan the loan, not null
   * @param penalty penalties charged and unpaid, not null
   * @param interest interest fallen due by the meeting's day and unpaid, not null
   * @param principal principal of instalments due by the meeting's day and unpaid, not null
   * @param arrears the part of interest and principal that fell due before the meeting's day, not
   *     null
   * @param outstanding principal outstanding at the end of the day before, not null
   */
  public record LoanDue(LoanId loan, Money penalty, Money interest, Money principal, Money arrears, Money outstanding) {

    /**
     * Creates the figures.
     *
     * @param loan the loan, not null
     * @param penalty penalties unpaid, not null
     * @param interest interest due, not null
     * @param principal principal due, not null
     * @param arrears overdue part, not null
     * @param outstanding principal outstanding, not null
     * @throws NullPointerException if an argument is null
     */
    public LoanDue {
      Objects.requireNonNull(loan, "loan");
      Objects.requireNonNull(penalty, "penalty");
      Objects.requireNonNull(interest, "interest");
      Objects.requireNonNull(principal, "principal");
      Objects.requireNonNull(arrears, "arrears");
      Objects.requireNonNull(outstanding, "outstanding");
    }

    /**
     * The payment that clears what is due: penalty, interest and principal.
     *
     * @return the payment, not null
     */
    public Money payment() {
      return penalty.plus(interest).plus(principal);
    }
  }

  /**
   * The sum of one figure over every member.
   *
   * @param figure the figure, such as {@link Line#savingsDue}, not null
   * @return the total, not null
   */
  public Money total(Function<Line, Money> figure) {
    Money sum = Money.zero(currency);
    for (Line line : lines) {
      sum = sum.plus(figure.apply(line));
    }
    return sum;
  }

  /**
   * Builds the sheet of a group's meeting from its books. Reads only.
   *
   * @param groups the engine, not null
   * @param code the group, not null
   * @param date the meeting's day, not null
   * @return the sheet, not null
   * @throws org.shgledger.group.GroupException {@link org.shgledger.group.GroupRejection#GROUP_NOT_FOUND}
   */
  public static MeetingSheet of(SavingsGroups groups, BookId code, LocalDate date) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(date, "date");
    Group group = groups.group(code);
    LocalDate before = date.minusDays(1);
    Money zero = Money.zero(group.currency());
    List<Line> lines = new ArrayList<>();
    for (Member member : groups.membersOn(code, date)) {
      List<LoanDue> dues = new ArrayList<>();
      Money outstanding = zero;
      // oldest first, as a meeting register's repayment row finds her loan
      List<MemberLoan> loans = new ArrayList<>(groups.loansOf(code, member.id()));
      loans.sort(Comparator.comparing((MemberLoan loan) -> loan.terms().disbursementDate())
          .thenComparing(loan -> loan.id().value()));
      for (MemberLoan loan : loans) {
        if (!loan.terms().disbursementDate().isBefore(date)) {
          continue;
        }
        LoanHistory history = groups.history(code, loan).upTo(before);
        LoanState state = history.stateAsOf(date);
        if (state.settled()) {
          continue;
        }
        outstanding = outstanding.plus(state.outstandingPrincipal());
        dues.add(new LoanDue(loan.id(), state.finesDue(), state.interestDue(), state.principalDue(),
            state.overdueAmount(), state.outstandingPrincipal()));
      }
      Money savings = date.isAfter(group.formed()) ? groups.savings(code, member.id(), before) : zero;
      lines.add(new Line(member.id(), group.compulsorySavings(), dues, savings, outstanding));
    }
    return new MeetingSheet(code, group.name(), date, group.currency(), lines);
  }
}
