package org.shgledger.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;

/**
 * A member's passbook for a period: her balances at the start, every entry that touched her, line
 * by line with running balances, and her balances at the end. See {@link Reports#passbook} for
 * which entries are hers.
 *
 * @param group the group, not null
 * @param member her id, not null
 * @param name her name, not null
 * @param from the first day, not null
 * @param to the last day, not before {@code from}, not null
 * @param opening her balances at the end of the day before {@code from}, not null
 * @param lines the lines, in date order, not null; copied
 * @param closing her balances at the end of {@code to}, not null
 * @param totalInterestPaid the interest she paid in the period, not null
 * @param totalFinesPaid the fines and penalties she paid in the period, not null
 */
public record MemberPassbook(
    BookId group,
    MemberId member,
    String name,
    LocalDate from,
    LocalDate to,
    PassbookBalances opening,
    List<PassbookLine> lines,
    PassbookBalances closing,
    Money totalInterestPaid,
    Money totalFinesPaid) {

  /**
   * Creates a passbook.
   *
   * @param group the group, not null
   * @param member her id, not null
   * @param name her name, not null
   * @param from the first day, not null
   * @param to the last day, not before {@code from}, not null
   * @param opening her balances at the end of the day before {@code from}, not null
   * @param lines the lines, in date order, not null; copied
   * @param closing her balances at the end of {@code to}, not null
   * @param totalInterestPaid the interest she paid in the period, not null
   * @param totalFinesPaid the fines and penalties she paid in the period, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the period ends before it starts
   */
  public MemberPassbook {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(member, "member");
    Objects.requireNonNull(name, "name");
    Reports.requirePeriod(from, to);
    Objects.requireNonNull(opening, "opening");
    lines = List.copyOf(lines);
    Objects.requireNonNull(closing, "closing");
    Objects.requireNonNull(totalInterestPaid, "totalInterestPaid");
    Objects.requireNonNull(totalFinesPaid, "totalFinesPaid");
  }
}
