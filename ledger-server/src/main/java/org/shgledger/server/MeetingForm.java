package org.shgledger.server;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shgledger.LedgerException;
import org.shgledger.group.Member;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportProblem;
import org.shgledger.importing.register.ImportResult;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.journal.BookId;
import org.shgledger.loan.LoanState;
import org.shgledger.money.MoneyFormats;
import org.shgledger.report.MeetingSheet;
import org.shgledger.server.pages.Labels;
import org.shgledger.server.pages.MeetingMember;
import org.shgledger.server.pages.MeetingPage;

/**
 * The meeting form of the pages: a line per member of the group on the meeting's date (present,
 * savings, a repayment per open loan, fine), recorded as one meeting register through {@link
 * MeetingImport}, the code {@code shg import meetings} runs, so that a form and a file follow the
 * same rules (docs/import.md) and either the whole meeting is recorded or nothing.
 *
 * <p>The register has one row per member per meeting, so a member repays one loan at a meeting; a
 * form with two repayments for one member is refused before the books are asked. Its entry ids are
 * the register's ({@code MTG:date:member:KIND}): the same meeting sent again records nothing, even
 * from a new form.
 */
final class MeetingForm {

  /** The register's columns the form fills. */
  private static final List<String> COLUMNS = List.of("date", "member", "present", "savings", "fine",
      "repaid_total", "loan");

  /** The most members a form takes: a group has 10 to 20, and a limit stops a body of thousands. */
  static final int MAX_MEMBERS = 100;

  private MeetingForm() {}

  /**
   * What submitting a form did.
   *
   * @param recorded the entries recorded (0 for a meeting in the books already)
   * @param refused the form again with the books' refusal and the problems, or null if recorded
   */
  record Outcome(int recorded, MeetingPage refused) {}

  /**
   * A form for the meeting of a date: every member of the group that day, present, her savings due
   * and her oldest owing loan's payment due typed in from the meeting sheet ({@link MeetingSheet}),
   * so that the treasurer changes only what differed; submitted unchanged, it records what the
   * sheet expects. A member's further loans start blank: the register takes one repayment a member.
   * A meeting already in the books gets a blank form, as before: the sheet's amounts sent again
   * would be refused wherever the meeting differed from them.
   */
  static MeetingPage prefilled(SavingsGroups engine, BookId code, LocalDate date, String key) {
    if (engine.registry().meeting(code, date).isPresent()) {
      return blank(engine, code, date, key);
    }
    List<Member> members = members(engine, code, date);
    Map<String, MeetingSheet.Line> expected = new HashMap<>();
    for (MeetingSheet.Line line : MeetingSheet.of(engine, code, date).lines()) {
      expected.put(line.member().value(), line);
    }
    List<MeetingMember> lines = new ArrayList<>();
    for (Member member : members) {
      MeetingSheet.Line line = expected.get(member.id().value());
      String due = line == null ? "" : line.loans().stream().filter(loan -> loan.payment().isPositive())
          .map(loan -> loan.loan().value()).findFirst().orElse("");
      List<MeetingMember.LoanField> loans = new ArrayList<>();
      for (Open loan : openLoans(engine, code, member, date)) {
        String id = loan.loan().id().value();
        String payment = id.equals(due) ? line.loans().stream().filter(l -> l.loan().value().equals(id))
            .map(l -> MoneyFormats.plain(l.payment())).findFirst().orElse("") : "";
        loans.add(new MeetingMember.LoanField(id, loan.outstanding(), payment));
      }
      String savings = line == null || line.savingsDue().isZero() ? "" : MoneyFormats.plain(line.savingsDue());
      lines.add(new MeetingMember(member.id().value(), true, savings, "", loans));
    }
    return new MeetingPage(code.value(), date.toString(), key, lines, null, List.of());
  }

  /** A form for the meeting of a date: every member of the group that day, present, nothing typed. */
  static MeetingPage blank(SavingsGroups engine, BookId code, LocalDate date, String key) {
    List<MeetingMember> lines = new ArrayList<>();
    for (Member member : members(engine, code, date)) {
      List<MeetingMember.LoanField> loans = new ArrayList<>();
      for (Open loan : openLoans(engine, code, member, date)) {
        loans.add(new MeetingMember.LoanField(loan.loan().id().value(), loan.outstanding(), ""));
      }
      lines.add(new MeetingMember(member.id().value(), true, "", "", loans));
    }
    return new MeetingPage(code.value(), date.toString(), key, lines, null, List.of());
  }

  /**
   * Records the form's meeting, or refuses it whole.
   *
   * @param engine the engine, over the server's store
   * @param code the group
   * @param date the meeting's date, as the form was drawn for
   * @param key the form's idempotency key, kept on a refused form
   * @param form the posted fields: {@code present.M}, {@code savings.M}, {@code fine.M}, {@code repaid.M.L}
   * @param labels the user's words, for the problems found here
   */
  static Outcome record(SavingsGroups engine, BookId code, LocalDate date, String key, Map<String, List<String>> form,
      Labels labels) {
    List<MeetingMember> lines = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (Member member : members(engine, code, date)) {
      String id = member.id().value();
      boolean present = "Y".equals(value(form, "present." + id));
      String savings = value(form, "savings." + id);
      String fine = value(form, "fine." + id);
      List<MeetingMember.LoanField> loans = new ArrayList<>();
      String repaid = "";
      String repaidLoan = "";
      for (Open loan : openLoans(engine, code, member, date)) {
        String loanId = loan.loan().id().value();
        String typed = value(form, "repaid." + id + "." + loanId);
        loans.add(new MeetingMember.LoanField(loanId, loan.outstanding(), typed));
        if (!typed.isEmpty()) {
          if (!repaid.isEmpty()) {
            problems.add(labels.format("meeting.one_loan", id));
          }
          repaid = typed;
          repaidLoan = loanId;
        }
      }
      lines.add(new MeetingMember(id, present, savings, fine, loans));
      csv.append(String.join(",", quoted(date.toString()), quoted(id), present ? "Y" : "N", quoted(savings),
          quoted(fine), quoted(repaid), quoted(repaidLoan))).append('\n');
    }
    if (!problems.isEmpty()) {
      return new Outcome(0, new MeetingPage(code.value(), date.toString(), key, lines, null, problems));
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    try (CsvTable table = CsvTable.of("meeting form", new ByteArrayInputStream(bytes), RegisterLimits.DEFAULT, ',')) {
      ImportResult result = MeetingImport.run(engine, code, table, RegisterLimits.DEFAULT, false);
      return new Outcome(result.recorded().size(), null);
    } catch (ImportException e) {
      for (ImportProblem problem : e.problems()) {
        problems.add(where(problem, lines) + problem.reason());
      }
      String refusal = e.getCause() instanceof LedgerException cause ? LedgerServer.Rejected.of(cause).name() : null;
      return new Outcome(0, new MeetingPage(code.value(), date.toString(), key, lines, refusal, problems));
    }
  }

  /** A problem's place as the form shows it: the member of its row and the field of its column. */
  private static String where(ImportProblem problem, List<MeetingMember> lines) {
    long row = problem.line() - 2;
    if (row < 0 || row >= lines.size()) {
      return "";
    }
    String column = problem.column() >= 1 && problem.column() <= COLUMNS.size()
        ? ", " + COLUMNS.get(problem.column() - 1) : "";
    return lines.get((int) row).id() + column + ": ";
  }

  private static List<Member> members(SavingsGroups engine, BookId code, LocalDate date) {
    List<Member> members = engine.membersOn(code, date);
    if (members.size() > MAX_MEMBERS) {
      throw new BadRequest("date", "the group has more than " + MAX_MEMBERS + " members on " + date
          + ": record this meeting with shg import meetings");
    }
    return members;
  }

  private record Open(MemberLoan loan, String outstanding) {}

  /** Her loans open on the date, with their principal outstanding. */
  private static List<Open> openLoans(SavingsGroups engine, BookId code, Member member, LocalDate date) {
    List<Open> open = new ArrayList<>();
    for (MemberLoan loan : engine.loansOf(code, member.id())) {
      LoanState state;
      try {
        state = engine.loanState(code, loan.id(), date);
      } catch (LedgerException e) {
        continue;  // not yet given on that date
      }
      if (!state.settled() && state.outstandingPrincipal().isPositive()) {
        open.add(new Open(loan, MoneyFormats.plain(state.outstandingPrincipal())));
      }
    }
    return open;
  }

  private static String value(Map<String, List<String>> form, String name) {
    List<String> values = form.get(name);
    if (values == null || values.isEmpty()) {
      return "";
    }
    String value = values.get(0).strip();
    if (value.length() > 20) {
      throw new BadRequest(name, name + " is at most 20 characters");
    }
    return value;
  }

  /** A CSV field that holds whatever was typed: quoted, its quotes doubled. */
  private static String quoted(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
