package org.shgledger.report;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.joda.money.Money;
import org.shgledger.group.MemberId;

/**
 * One member's row in a group statement, at the end of the period. Her name is here for the
 * group's own statement; a report for donors shows the id only.
 *
 * @param id her id, not null
 * @param name her name, not null
 * @param joined the day she joined, not null
 * @param exited the day she left, if she has left, not null
 * @param compulsorySavings her compulsory savings (2000:M) at the end of the period, not null
 * @param voluntarySavings her voluntary savings (2100:M) at the end of the period, not null
 * @param loanOutstanding the principal she owes on her loans (1200:M) at the end of the period,
 *     not null
 * @param overdue what is unpaid of her instalments (principal and interest) due before the end
 *     of the period, from her loans' states on that day, not null
 * @param attendance her attendance at the period's meetings while she was a member; empty when
 *     the group held none then, not null
 */
public record MemberLine(
    MemberId id,
    String name,
    LocalDate joined,
    Optional<LocalDate> exited,
    Money compulsorySavings,
    Money voluntarySavings,
    Money loanOutstanding,
    Money overdue,
    Optional<AttendanceRate> attendance) {

  /**
   * Creates a row.
   *
   * @param id her id, not null
   * @param name her name, not null
   * @param joined the day she joined, not null
   * @param exited the day she left, if she has left, not null
   * @param compulsorySavings her compulsory savings (2000:M) at the end of the period, not null
   * @param voluntarySavings her voluntary savings (2100:M) at the end of the period, not null
   * @param loanOutstanding the principal she owes on her loans (1200:M) at the end of the period,
   *     not null
   * @param overdue what is unpaid of her instalments (principal and interest) due before the end
   *     of the period, from her loans' states on that day, not null
   * @param attendance her attendance at the period's meetings while she was a member; empty when
   *     the group held none then, not null
   * @throws NullPointerException if any argument is null
   */
  public MemberLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(joined, "joined");
    Objects.requireNonNull(exited, "exited");
    Objects.requireNonNull(compulsorySavings, "compulsorySavings");
    Objects.requireNonNull(voluntarySavings, "voluntarySavings");
    Objects.requireNonNull(loanOutstanding, "loanOutstanding");
    Objects.requireNonNull(overdue, "overdue");
    Objects.requireNonNull(attendance, "attendance");
  }

  /**
   * Her savings, compulsory and voluntary.
   *
   * @return the total, not null
   */
  public Money savings() {
    return compulsorySavings.plus(voluntarySavings);
  }
}
