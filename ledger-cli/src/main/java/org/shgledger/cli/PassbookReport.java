package org.shgledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.joda.money.Money;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.money.MoneyFormats;
import org.shgledger.report.MemberPassbook;
import org.shgledger.report.PassbookLine;

/**
 * A member's passbook as a {@link Report}, for {@code shg passbook} (docs/formats.md#passbook):
 * her balances at the start and end of the period as facts, then one line per entry that touched
 * her, each movement beside the balance it moves, so she can follow her savings and her loan down
 * the page as in a paper passbook.
 *
 * <p>Savings are compulsory and voluntary together; the {@code savings} column is what went in
 * (negative: what came out), the {@code loan} column what was lent to her (negative: the principal
 * she repaid). Interest and fines are what she paid, the group's income. A correction carries the
 * amounts of the line it corrects, negated, so a saving recorded twice and corrected counts once.
 */
final class PassbookReport {

  private PassbookReport() {}

  /**
   * Builds the report.
   *
   * @param passbook the passbook, not null
   * @param groupName the group's name, not null
   * @param period the period, with the remarks on defaulted days, not null
   * @param name whether to show her name
   * @param labels the words for people, not null
   * @return the report, not null
   */
  static Report report(MemberPassbook passbook, String groupName, ReportPeriod period, boolean name,
      Labels labels) {
    return report(passbook, groupName, period, name, labels, java.util.List.of());
  }

  /**
   * Builds the report, with a line for each of her flat loans giving its flat rate beside its
   * effective rate (issue 14), so that she can compare it with a moneylender's: a flat rate
   * charges interest on the whole principal to the end, nearly twice what the same rate on the
   * declining balance would.
   *
   * @param passbook the passbook, not null
   * @param groupName the group's name, not null
   * @param period the period, with the remarks on defaulted days, not null
   * @param name whether to show her name
   * @param labels the words for people, not null
   * @param flatLoans her flat-rate loans to explain, not null
   * @return the report, not null
   */
  static Report report(MemberPassbook passbook, String groupName, ReportPeriod period, boolean name,
      Labels labels, java.util.List<org.shgledger.group.MemberLoan> flatLoans) {
    Objects.requireNonNull(passbook, "passbook");
    Objects.requireNonNull(labels, "labels");
    Report.Builder report = Report.builder("passbook", labels.get("report.passbook"))
        .fact("group", labels.get("group"), Cell.text(passbook.group().toString()))
        .fact("group_name", labels.get("group_name"), Cell.text(groupName))
        .fact("member", labels.get("member"), Cell.text(passbook.member().value()));
    if (name) {
      report.fact("member_name", labels.get("name"), Cell.text(passbook.name()));
    }
    report.fact(period.fromFact(labels))
        .fact(period.toFact(labels))
        .fact("currency", labels.get("currency"), Cell.text(passbook.opening().savings().getCurrencyUnit().getCode()))
        .fact("opening_savings", labels.get("passbook.opening_savings"), Cell.amount(passbook.opening().savings()))
        .fact("opening_loan", labels.get("passbook.opening_loan"), Cell.amount(passbook.opening().loanOutstanding()))
        .fact("closing_savings", labels.get("passbook.closing_savings"), Cell.amount(passbook.closing().savings()))
        .fact("closing_loan", labels.get("passbook.closing_loan"), Cell.amount(passbook.closing().loanOutstanding()));

    Money zero = Money.zero(passbook.opening().savings().getCurrencyUnit());
    // a share-out pays her savings out to her: shown as what she took home, in a column of its own
    // that only a passbook with a share-out has, not as a negative saving
    boolean sharedOut = passbook.lines().stream().anyMatch(line -> line.kind() == PassbookLine.Kind.SHARE_OUT);
    Money saved = zero;
    Money lent = zero;
    Money share = zero;
    Money takenHome = zero;
    List<Row> rows = new ArrayList<>();
    for (PassbookLine line : passbook.lines()) {
      Money savings = line.compulsoryIn().plus(line.voluntaryIn()).minus(line.compulsoryOut())
          .minus(line.voluntaryOut());
      Money home = zero;
      if (line.kind() == PassbookLine.Kind.SHARE_OUT) {
        home = savings.negated();
        savings = zero;
      }
      Money loan = line.loanDisbursed().minus(line.principalRepaid());
      saved = saved.plus(savings);
      lent = lent.plus(loan);
      takenHome = takenHome.plus(home);
      if (line.kind() != PassbookLine.Kind.SHARE_OF_PROFIT) {
        share = share.plus(line.surplusShare());
      }
      List<Cell> cells = new ArrayList<>(List.of(Cell.date(line.date()), Cell.text(particulars(line, labels)),
          Cell.amount(savings)));
      if (sharedOut) {
        cells.add(Cell.amount(home));
      }
      cells.addAll(List.of(Cell.amount(line.balances().savings()),
          Cell.amount(loan), Cell.amount(line.balances().loanOutstanding()),
          Cell.amount(line.interestPaid()), Cell.amount(line.finesPaid())));
      rows.add(Row.of(cells.toArray(Cell[]::new)));
    }
    List<Column> columns = new ArrayList<>(List.of(Column.date("date", labels.get("date")),
        Column.text("particulars", labels.get("memo")),
        Column.amount("savings", labels.get("passbook.saved")).blankingZero()));
    List<Cell> total = new ArrayList<>(List.of(Cell.empty(), Cell.text(labels.get("total")), Cell.amount(saved)));
    if (sharedOut) {
      columns.add(Column.amount("taken_home", labels.get("passbook.taken_home")).blankingZero());
      total.add(Cell.amount(takenHome));
    }
    columns.addAll(List.of(Column.amount("savings_balance", labels.get("savings")),
        Column.amount("loan", labels.get("loan")).blankingZero(),
        Column.amount("loan_balance", labels.get("passbook.owed")),
        Column.amount("interest", labels.get("interest")).blankingZero(),
        Column.amount("fines", labels.get("fine")).blankingZero()));
    total.addAll(List.of(Cell.empty(), Cell.amount(lent), Cell.empty(), Cell.amount(passbook.totalInterestPaid()),
        Cell.amount(passbook.totalFinesPaid())));
    report.add(Table.of("lines", columns, rows).withTotal(Row.of(total.toArray(Cell[]::new))));
    String note = labels.get("note.passbook");
    if (sharedOut) {
      note += "\n" + labels.get("note.passbook_taken_home");
    }
    for (org.shgledger.group.MemberLoan loan : flatLoans) {
      org.shgledger.loan.LoanTerms terms = (org.shgledger.loan.LoanTerms) loan.terms();
      String key = terms.rate().per() == org.shgledger.loan.InterestRate.Per.MONTH
          ? "note.passbook_flat_rate_month" : "note.passbook_flat_rate_year";
      note += "\n" + labels.format(key, loan.id().value(), terms.rate().percent().toPlainString(),
          org.shgledger.loan.EffectiveRate.annualPercent(terms.schedule()).toPlainString());
    }
    if (!share.isZero()) {
      note += "\n" + labels.format("note.passbook_share", MoneyFormats.indian(share));
    }
    return report.note(note).build();
  }

  /**
   * What a line was, in the reader's language: its kind (a deposit into voluntary savings alone
   * named as such), or for a correction and anything without a kind, the memo, in the reader's
   * language if the engine wrote it ({@link MemoText}).
   */
  static String particulars(PassbookLine line, Labels labels) {
    String kind = labels.get("passbook." + line.kind().name().toLowerCase(Locale.ROOT));
    return switch (line.kind()) {
      case SAVINGS_DEPOSIT -> line.compulsoryIn().isZero() && line.voluntaryIn().isPositive()
          ? labels.get("passbook.voluntary_deposit") : kind;
      case REVERSAL -> kind + ": " + MemoText.of(line.memo(), labels);
      case OTHER -> MemoText.of(line.memo(), labels);
      default -> kind;
    };
  }
}
