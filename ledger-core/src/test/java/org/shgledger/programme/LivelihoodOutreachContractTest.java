package org.shgledger.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.journal.Book;
import org.shgledger.journal.BookId;
import org.shgledger.unit.UnitCode;

/**
 * What every {@link LivelihoodRegister} and {@link OutreachRegister} does: gives back what was
 * put, in the orders their methods state, each group's (each unit's) apart. Each implementation
 * runs these by extending this class.
 */
public abstract class LivelihoodOutreachContractTest {

  /** The first group. */
  protected static final BookId SHG01 = BookId.of("SHG01");
  /** The second group. */
  protected static final BookId SHG02 = BookId.of("SHG02");

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final LocalDate APRIL = LocalDate.of(2025, 4, 5);
  private static final UnitCode PATNA = UnitCode.of("PATNA");
  private static final UnitCode GAYA = UnitCode.of("GAYA");

  private ProgrammeRegister register;

  /**
   * A new, empty programme register in which the books of both groups exist.
   *
   * @param books the books, not null
   * @return the register, not null
   */
  protected abstract ProgrammeRegister newRegister(List<Book> books);

  @BeforeEach
  void newRegister() {
    register = newRegister(List.of(new Book(SHG01, "One", INR), new Book(SHG02, "Two", INR)));
  }

  /**
   * A tailoring activity of M01 started on 5 April 2025, financed by loan L1, earning ₹1,500.50.
   *
   * @param id its id, not null
   * @return the activity, not null
   */
  protected static Livelihood tailoring(String id) {
    return new Livelihood(LivelihoodId.of(id), MemberId.of("M01"), LivelihoodActivity.TAILORING, APRIL,
        Optional.of(LoanId.of("L1")), List.of(new IncomeReading(APRIL, Money.of(INR, 1500.50))));
  }

  @Test
  void anActivityAndItsReadingsComeBackAsPut() {
    Livelihood livelihood = tailoring("M01-A1");
    register.livelihoods().addLivelihood(SHG01, livelihood);
    IncomeReading later = new IncomeReading(APRIL.plusMonths(6), Money.of(INR, 2000));
    IncomeReading earlier = new IncomeReading(APRIL.plusMonths(3), Money.zero(INR));
    // recorded out of date order: the readings keep the order of recording
    register.livelihoods().addReading(SHG01, livelihood.id(), later);
    register.livelihoods().addReading(SHG01, livelihood.id(), earlier);

    Livelihood expected = livelihood.with(later).with(earlier);
    assertEquals(Optional.of(expected), register.livelihoods().livelihood(SHG01, livelihood.id()));
    assertEquals(List.of(expected), register.livelihoods().livelihoods(SHG01));
    assertEquals(Optional.empty(), register.livelihoods().livelihood(SHG02, livelihood.id()),
        "each group's register is its own");
  }

  @Test
  void anActivityWithoutLoanOrReadingComesBackAsPut() {
    Livelihood livelihood = new Livelihood(LivelihoodId.of("M02-A1"), MemberId.of("M02"), LivelihoodActivity.WAGE_WORK,
        APRIL, Optional.empty(), List.of());
    register.livelihoods().addLivelihood(SHG02, livelihood);
    assertEquals(List.of(livelihood), register.livelihoods().livelihoods(SHG02));
  }

  @Test
  void activitiesComeInIdOrder() {
    for (String id : List.of("M01-A2", "M01-A10", "A", "M01-A1")) {
      register.livelihoods().addLivelihood(SHG01, tailoring(id));
    }
    assertEquals(List.of("A", "M01-A1", "M01-A10", "M01-A2"),
        register.livelihoods().livelihoods(SHG01).stream().map(l -> l.id().value()).toList());
  }

  @Test
  void outreachEventsComeBackInDateThenIdOrderEachUnitsApart() {
    OutreachEvent petition = new OutreachEvent(OutreachId.of("2"), APRIL, OutreachKind.PETITION, 300,
        OptionalLong.of(1250), List.of(SHG02, SHG01));
    OutreachEvent rally = new OutreachEvent(OutreachId.of("1"), APRIL, OutreachKind.RALLY, 2000,
        OptionalLong.empty(), List.of(SHG01));
    OutreachEvent earlier = new OutreachEvent(OutreachId.of("9"), APRIL.minusDays(1), OutreachKind.STREET_PLAY, 0,
        OptionalLong.empty(), List.of());
    register.outreach().addEvent(PATNA, petition);
    register.outreach().addEvent(PATNA, rally);
    register.outreach().addEvent(PATNA, earlier);
    register.outreach().addEvent(GAYA, rally);

    assertEquals(List.of(earlier, rally, petition), register.outreach().events(PATNA));
    assertEquals(List.of(SHG01, SHG02), register.outreach().event(PATNA, OutreachId.of("2")).orElseThrow().groups());
    assertEquals(List.of(rally), register.outreach().events(GAYA));
    assertEquals(Optional.empty(), register.outreach().event(GAYA, OutreachId.of("2")));
  }
}
