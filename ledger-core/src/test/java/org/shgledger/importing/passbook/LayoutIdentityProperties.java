package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.INR;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.TrialBalance;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.BankLine;

/**
 * A bank movement is the same line in every layout its bank exports it in (issue 13, item 2):
 * a statement imported in one layout and then again in every other records nothing more, however
 * each layout writes or leaves out the narration and the reference.
 */
class LayoutIdentityProperties {

  /** Narrations whose accounts have no balance limit, so any generated line can be recorded. */
  private static final List<String> NARRATIONS =
      List.of("SB INTEREST", "SMS CHARGES", "NEFT ASHA TRADERS", "GRANT RF", "UPI/1234/ASHA SHOP");

  /** One movement before balances: days after the previous one, direction, amount, narration, reference. */
  record Step(int days, boolean deposit, long amountMinor, int narration, String reference) {}

  @Provide
  Arbitrary<List<Step>> statements() {
    Arbitrary<Step> step = Combinators.combine(
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(true, true, false),
            // few amounts, so that a day often has lines alike in all but balance or position
            Arbitraries.oneOf(Arbitraries.of(50_000L, 100_000L), Arbitraries.longs().between(1, 5_000_000)),
            Arbitraries.integers().between(0, NARRATIONS.size() - 1),
            Arbitraries.of("", "REF1", "TRF/2025/001", "000000123456"))
        .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(25);
  }

  @Property(tries = 40)
  void aStatementImportedInOneLayoutIsAlreadyInTheBooksInEveryOther(
      @ForAll("statements") List<Step> steps, @ForAll BankLayout first) {
    Journal journal = Books.prepare(new InMemoryJournal());
    PassbookImporter importer = new PassbookImporter(Books.engine(journal));
    PassbookImportReport recorded = run(importer, first, steps);
    assertEquals(steps.size(), recorded.recorded() + recorded.leftToRegister());
    TrialBalance before = journal.trialBalance(GROUP, LocalDate.MAX);
    int entries = journal.entries(GROUP).size();

    for (BankLayout other : BankLayout.values()) {
      PassbookImportReport again = run(importer, other, steps);
      assertEquals(0, again.recorded(), other + " after " + first);
      assertEquals(steps.size(), again.alreadyRecorded() + again.leftToRegister(), other + " after " + first);
    }
    assertEquals(before, journal.trialBalance(GROUP, LocalDate.MAX));
    assertEquals(entries, journal.entries(GROUP).size());
  }

  private static PassbookImportReport run(PassbookImporter importer, BankLayout layout, List<Step> steps) {
    byte[] bytes = render(layout, steps).getBytes(StandardCharsets.UTF_8);
    return importer.importSource(GROUP, layout.profile() + ".csv", () -> new ByteArrayInputStream(bytes),
        PassbookImporter.Options.defaults());
  }

  /** The statement in a layout, with the narration and reference as that bank writes them. */
  static String render(BankLayout layout, List<Step> steps) {
    StringWriter out = new StringWriter();
    LocalDate date = LocalDate.of(2025, 4, 1);
    layout.writeHeader(out, "ASHA MAHILA SAMOOH", "00000012345678", date);
    long balance = 0;
    long serial = 0;
    for (Step step : steps) {
      date = date.plusDays(step.days());
      boolean deposit = step.deposit() || step.amountMinor() > balance;
      balance += deposit ? step.amountMinor() : -step.amountMinor();
      Money amount = Money.ofMinor(INR, step.amountMinor());
      Money zero = Money.zero(INR);
      String narration = NARRATIONS.get(step.narration());
      layout.writeLine(out, ++serial, new BankLine(date, narrationIn(layout, narration),
          layout == BankLayout.GENERIC ? "" : step.reference(), deposit ? zero : amount, deposit ? amount : zero,
          Money.ofMinor(INR, balance)));
    }
    return out.toString();
  }

  /** Each bank writes a narration its own way: cut short, in other case, with its own prefix. */
  private static String narrationIn(BankLayout layout, String narration) {
    return switch (layout) {
      case GENERIC -> narration;
      case SBI -> "BY " + narration;
      case HDFC -> narration.substring(0, Math.min(8, narration.length()));
      case KOTAK -> narration.toLowerCase(Locale.ROOT);
    };
  }
}
