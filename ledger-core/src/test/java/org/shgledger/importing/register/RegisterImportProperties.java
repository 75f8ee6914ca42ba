package org.shgledger.importing.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.register.RegisterFixtures.INR;
import static org.shgledger.importing.register.RegisterFixtures.SHG;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.joda.money.Money;
import org.shgledger.LedgerException;
import org.shgledger.group.Attendance;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.InMemoryGroupRegistry;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.JournalEntry;

/**
 * A generated meeting register imported gives exactly the books of the same operations applied
 * through the engine directly, in the order docs/import.md documents; and where the engine refuses
 * one of them, the import fails too.
 */
class RegisterImportProperties {

  static final List<MemberId> MEMBERS =
      List.of(MemberId.of("M01"), MemberId.of("M02"), MemberId.of("M03"), MemberId.of("M04"));
  private static final AtomicInteger IMPORTED = new AtomicInteger();

  /** One generated row. */
  record Line(LocalDate date, MemberId member, boolean present, int savings, int voluntary, int fine,
      int repaidTotal, int withdrawn, int loanGiven) {
    String csv() {
      return date + "," + member + "," + (present ? "Y" : "N") + "," + blank(savings) + "," + blank(voluntary) + ","
          + blank(fine) + "," + blank(repaidTotal) + "," + blank(withdrawn) + "," + blank(loanGiven);
    }

    private static String blank(int amount) {
      return amount == 0 ? "" : Integer.toString(amount);
    }
  }

  @Provide
  Arbitrary<List<Line>> registers() {
    return plausibleRegisters();
  }

  /** Registers of one to four meetings of members M01 to M04, mostly what a group could do. */
  static Arbitrary<List<Line>> plausibleRegisters() {
    Arbitrary<Integer> meetings = Arbitraries.integers().between(1, 4);
    return meetings.flatMap(count -> {
      List<Arbitrary<List<Line>>> perMeeting = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        LocalDate date = LocalDate.of(2024, 4, 6).plusDays(35L * i);
        perMeeting.add(Arbitraries.subsetOf(MEMBERS).ofMinSize(1).flatMap(members -> {
          List<Arbitrary<Line>> lines = new ArrayList<>();
          for (MemberId member : members.stream().sorted().toList()) {
            lines.add(line(date, member));
          }
          return Combinators.combine(lines).as(List::copyOf);
        }));
      }
      return Combinators.combine(perMeeting).as(parts -> plausible(parts.stream().flatMap(List::stream).toList()));
    });
  }

  /**
   * Mostly what a group could do: repayments only by members given a loan at an earlier meeting,
   * withdrawals only by members who saved before. The engine still refuses some (a loan beyond the
   * cash, a payment beyond the debt), which the property checks too.
   */
  private static List<Line> plausible(List<Line> lines) {
    java.util.Set<MemberId> borrowed = new java.util.HashSet<>();
    java.util.Set<MemberId> saved = new java.util.HashSet<>();
    List<Line> result = new ArrayList<>();
    LocalDate date = null;
    java.util.Set<MemberId> borrowedBefore = java.util.Set.of();
    java.util.Set<MemberId> savedBefore = java.util.Set.of();
    for (Line line : lines) {
      if (!line.date().equals(date)) {
        date = line.date();
        borrowedBefore = java.util.Set.copyOf(borrowed);
        savedBefore = java.util.Set.copyOf(saved);
      }
      int repaid = borrowedBefore.contains(line.member()) ? line.repaidTotal() : 0;
      int withdrawn = savedBefore.contains(line.member()) ? line.withdrawn() : 0;
      result.add(new Line(line.date(), line.member(), line.present(), line.savings(), line.voluntary(), line.fine(),
          repaid, withdrawn, line.loanGiven()));
      if (line.loanGiven() > 0) {
        borrowed.add(line.member());
      }
      if (line.savings() > 0) {
        saved.add(line.member());
      }
    }
    return result;
  }

  private static Arbitrary<Line> line(LocalDate date, MemberId member) {
    return Combinators.combine(
            Arbitraries.of(true, true, false),
            Arbitraries.of(0, 50, 100, 100),
            Arbitraries.of(0, 0, 20),
            Arbitraries.of(0, 0, 0, 10),
            Arbitraries.of(0, 0, 40, 150),
            Arbitraries.of(0, 0, 0, 30),
            Arbitraries.of(0, 0, 0, 100, 300))
        .as((present, savings, voluntary, fine, repaid, withdrawn, loan) ->
            new Line(date, member, present, savings, voluntary, fine, repaid, withdrawn, loan));
  }

  private static SavingsGroups engine() {
    SavingsGroups groups = new SavingsGroups(new InMemoryJournal(), new InMemoryGroupRegistry());
    groups.createGroup(RegisterFixtures.group());
    for (MemberId member : MEMBERS) {
      groups.addMember(SHG, Member.joining(member, "Member " + member, MemberCategory.ADULT_WOMAN,
          LocalDate.of(2024, 4, 1)));
    }
    return groups;
  }

  @Property(tries = 80)
  void anImportedRegisterIsTheSameOperationsThroughTheEngine(@ForAll("registers") List<Line> register) {
    StringBuilder csv = new StringBuilder(
        "date,member,present,savings,voluntary_savings,fine,repaid_total,savings_withdrawn,loan_given\n");
    register.forEach(line -> csv.append(line.csv()).append('\n'));
    SavingsGroups imported = engine();
    boolean importFailed = false;
    try (CsvTable table = CsvTable.of("register.csv",
        new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ImportLimits.DEFAULT, null)) {
      MeetingImport.run(imported, SHG, table, ImportLimits.DEFAULT, false);
    } catch (ImportException e) {
      importFailed = true;
      assertTrue(e.getMessage().contains("the books refuse"), e.getMessage());
    }

    SavingsGroups direct = engine();
    boolean directFailed = false;
    try {
      applyDirectly(direct, register);
    } catch (LedgerException e) {
      directFailed = true;
    }
    assertEquals(directFailed, importFailed, csv.toString());
    if (!importFailed) {
      IMPORTED.incrementAndGet();
      List<String> once = entries(imported);
      try (CsvTable again = CsvTable.of("register.csv",
          new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ImportLimits.DEFAULT, null)) {
        assertEquals(List.of(), MeetingImport.run(imported, SHG, again, ImportLimits.DEFAULT, false).recorded());
      }
      assertEquals(once, entries(imported), "importing twice equals importing once");
      assertEquals(entries(direct), entries(imported));
      assertEquals(direct.loans(SHG), imported.loans(SHG));
      assertEquals(direct.registry().meetings(SHG), imported.registry().meetings(SHG));
    }
  }

  @AfterContainer
  static void someRegistersWereImported() {
    assertTrue(IMPORTED.get() > 10, "only " + IMPORTED.get() + " generated registers were accepted");
  }

  private static List<String> entries(SavingsGroups groups) {
    return groups.journal().entries(SHG).stream().map(JournalEntry::toString).toList();
  }

  /** The documented order: per meeting, the roll; what comes in per row; withdrawals; loans. */
  private static void applyDirectly(SavingsGroups groups, List<Line> register) {
    Map<LocalDate, List<Line>> meetings = new LinkedHashMap<>();
    register.forEach(line -> meetings.computeIfAbsent(line.date(), d -> new ArrayList<>()).add(line));
    Group group = groups.group(SHG);
    meetings.forEach((date, lines) -> {
      Map<MemberId, Attendance> roll = new LinkedHashMap<>();
      lines.forEach(line -> roll.put(line.member(), line.present() ? Attendance.PRESENT : Attendance.ABSENT));
      groups.recordMeeting(new Meeting(SHG, date, roll));
      for (Line line : lines) {
        String id = "MTG:" + date + ":" + line.member() + ":";
        if (line.savings() > 0) {
          groups.record(SHG, EntryId.of(id + "SAVE"), date,
              new GroupOperation.Save(line.member(), SavingsKind.COMPULSORY, rupees(line.savings()), Channel.CASH));
        }
        if (line.voluntary() > 0) {
          groups.record(SHG, EntryId.of(id + "VSAVE"), date,
              new GroupOperation.Save(line.member(), SavingsKind.VOLUNTARY, rupees(line.voluntary()), Channel.CASH));
        }
        if (line.fine() > 0) {
          groups.record(SHG, EntryId.of(id + "FINE"), date, new GroupOperation.Fine(line.member(),
              rupees(line.fine()), "fine at the meeting of " + date, Channel.CASH));
        }
        if (line.repaidTotal() > 0) {
          MemberLoan loan = groups.loans(SHG).stream()
              .filter(l -> l.member().equals(line.member()))
              .filter(l -> groups.loanState(SHG, l.id(), date).outstandingPrincipal().isPositive())
              .min(Comparator.comparing((MemberLoan l) -> l.terms().disbursementDate()).thenComparing(MemberLoan::id))
              .orElseThrow(() -> new LedgerException("no loan to repay"));
          groups.repayLoan(SHG, EntryId.of(id + "REPAY"), loan.id(), date, rupees(line.repaidTotal()), Channel.CASH);
        }
      }
      for (Line line : lines) {
        if (line.withdrawn() > 0) {
          groups.record(SHG, EntryId.of("MTG:" + date + ":" + line.member() + ":WDRAW"), date,
              new GroupOperation.WithdrawSavings(line.member(), SavingsKind.COMPULSORY, rupees(line.withdrawn()),
                  Channel.CASH));
        }
      }
      for (Line line : lines) {
        if (line.loanGiven() > 0) {
          Money principal = rupees(line.loanGiven());
          groups.disburseLoan(SHG, EntryId.of("MTG:" + date + ":" + line.member() + ":LOAN"),
              LoanSpec.loanId(date, line.member()), line.member(),
              group.loanDefaults().termsFor(principal, date, group.rounding()), Channel.CASH);
        }
      }
    });
  }

  private static Money rupees(int amount) {
    return Money.ofMajor(INR, amount);
  }
}
