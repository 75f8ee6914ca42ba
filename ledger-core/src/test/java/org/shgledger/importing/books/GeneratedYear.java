package org.shgledger.importing.books;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.shgledger.group.MemberId;

/**
 * A year of a made-up group's meeting register and passbook, consistent with each other: the
 * treasurer banks part of what each meeting leaves in the box (on the day or up to three days
 * later), draws cash from the bank (the day before the meeting or on the day) when a meeting
 * lends more than the box holds, and some members pay their savings into the bank by UPI. Half the
 * groups lend only what the box holds and never draw. Every amount is whole rupees.
 *
 * @param meetings the register as CSV
 * @param passbook the statement as CSV, generic layout, opening at zero
 * @param closing the statement's last balance, in rupees
 * @param cash what the box holds at the end, in rupees
 * @param drawsFromBank true if some loan needed cash drawn from the bank
 */
record GeneratedYear(String meetings, String passbook, long closing, long cash, boolean drawsFromBank) {

  /** The rules the statement's narrations are written for. */
  static final String RULES = """
      ^UPI/ -> register
      CASH -> 1000
      REVOLVING FUND -> 3000
      INTEREST -> 4200
      """;

  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final List<LocalDate> QUARTER_ENDS = List.of(LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30),
      LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 31));

  /** One member's row at a meeting, before the meeting's loan is decided. */
  private record Row(MemberId member, boolean present, long savings, long repaid, boolean byBank) {}

  /** One passbook line before its balance is known. */
  private record Line(LocalDate date, String narration, long withdrawal, long deposit) {}

  /** A member's one loan of the year: its principal and what she has repaid of it. */
  private static final class Loan {
    final long principal;
    final LocalDate given;
    long repaid;

    Loan(long principal, LocalDate given) {
      this.principal = principal;
      this.given = given;
    }
  }

  /** A year drawn from the random source. */
  static GeneratedYear generate(Random random) {
    StringBuilder register = new StringBuilder("date,member,present,savings,repaid_total,loan_given,channel\n");
    List<Line> lines = new ArrayList<>();
    Map<MemberId, Loan> loans = new HashMap<>();
    long cash = 0;
    // the bank as far as the treasurer can count on it: without the interest, which the statement
    // may list a few days away from where it is generated
    long bank = 0;
    boolean drew = false;
    if (random.nextInt(4) > 0) {
      long grant = 1_000L * (5 + random.nextInt(16));
      lines.add(new Line(LocalDate.of(2024, 4, 2), "REVOLVING FUND FROM VO", 0, grant));
      bank += grant;
    }
    // half the groups lend only what the box holds, so that the separate imports can take them
    boolean everDraws = random.nextBoolean();
    int meetingCount = 3 + random.nextInt(10);
    for (int m = 0; m < meetingCount; m++) {
      LocalDate date = LocalDate.of(2024, 4, 6).plusDays(28L * m + random.nextInt(5));
      long receipts = 0;
      long paidByUpi = 0; // the meeting day's UPI savings, not in the bank the day before
      List<Row> rows = new ArrayList<>();
      for (MemberId member : YearBooks.MEMBERS) {
        boolean present = random.nextInt(10) != 0;
        long savings = present ? 50L * (1 + random.nextInt(4)) : 0;
        long repaid = 0;
        Loan loan = loans.get(member);
        if (present && loan != null && loan.given.isBefore(date) && random.nextInt(3) > 0) {
          long room = loan.principal / 2 - loan.repaid;
          repaid = Math.min(room, 10L * (1 + random.nextInt((int) Math.max(1, loan.principal / 50))));
          loan.repaid += repaid;
        }
        // a row's channel is all its money's, so only a row of savings alone is paid by UPI
        boolean byBank = savings > 0 && repaid == 0 && random.nextInt(8) == 0;
        if (byBank) {
          lines.add(new Line(date, "UPI/" + member + "/SAVINGS", 0, savings));
          bank += savings;
          paidByUpi += savings;
        } else {
          receipts += savings + repaid;
        }
        rows.add(new Row(member, present, savings, repaid, byBank));
      }
      // at most one loan a meeting, in cash, to a member who has none yet (a row's channel is all
      // its money's: one who pays by UPI would be paid through the bank, into an account of hers)
      int chosen = random.nextInt(rows.size());
      MemberId borrower = rows.get(chosen).member();
      long lent = 0;
      if (!loans.containsKey(borrower) && !rows.get(chosen).byBank() && random.nextBoolean()) {
        long wanted = 100L * (5 + random.nextInt(46));
        long inTheBox = (cash + receipts) / 100 * 100;
        if (!everDraws && wanted > inTheBox) {
          wanted = inTheBox; // a group that lends only what its box holds
        }
        long missing = wanted - (cash + receipts);
        long drawn = missing <= 0 ? 0 : (missing + 99) / 100 * 100;
        // drawn the day before, the cheque cannot use that day's UPI savings
        boolean dayBefore = random.nextBoolean();
        if (wanted >= 500 && drawn <= bank - (dayBefore ? paidByUpi : 0)) {
          lent = wanted;
          if (drawn > 0) {
            lines.add(new Line(dayBefore ? date.minusDays(1) : date, "TO CASH SELF CHQ", drawn, 0));
            bank -= drawn;
            cash += drawn;
            drew = true;
          }
          loans.put(borrower, new Loan(lent, date));
        }
      }
      for (Row row : rows) {
        register.append(date).append(',').append(row.member()).append(',').append(row.present() ? "Y" : "N")
            .append(',').append(blank(row.savings())).append(',').append(blank(row.repaid())).append(',')
            .append(row.member().equals(borrower) ? blank(lent) : "").append(',')
            .append(row.byBank() ? "bank" : "").append('\n');
      }
      cash += receipts - lent;
      if (cash > 0 && random.nextInt(3) > 0) {
        long keep = Math.min(cash, 10L * random.nextInt(31));
        long banked = cash - keep;
        if (banked > 0) {
          lines.add(new Line(date.plusDays(random.nextInt(4)), "BY CASH", 0, banked));
          cash -= banked;
          bank += banked;
        }
      }
    }
    for (LocalDate quarterEnd : QUARTER_ENDS) {
      if (random.nextBoolean()) {
        lines.add(new Line(quarterEnd, "CREDIT INTEREST", 0, 1 + random.nextInt(200)));
      }
    }
    // the statement oldest first; lines of one day in the order the year made them (a same-day
    // withdrawal before the same-day deposit), as a bank lists them
    lines.sort(Comparator.comparing(Line::date));
    StringBuilder statement = new StringBuilder("Date,Narration,Withdrawal,Deposit,Balance\n");
    long balance = 0;
    for (Line line : lines) {
      balance += line.deposit() - line.withdrawal();
      if (balance < 0) {
        throw new AssertionError("the generator overdrew the bank on " + line.date());
      }
      statement.append(line.date().format(DAY_FIRST)).append(',').append(line.narration()).append(',')
          .append(blank(line.withdrawal())).append(',').append(blank(line.deposit())).append(',').append(balance)
          .append('\n');
    }
    return new GeneratedYear(register.toString(), statement.toString(), balance, cash, drew);
  }

  private static String blank(long amount) {
    return amount == 0 ? "" : Long.toString(amount);
  }
}
