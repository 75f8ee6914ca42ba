package org.shgledger.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * The engine's memos are one catalogue a report can read back: whatever the arguments, a memo
 * composed from a kind is recognised as that kind with those arguments, so a report in another
 * language never shows a memo of the engine in English, nor mistakes one kind for another.
 */
class EngineMemoProperties {

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  @Property(tries = 2000)
  void aComposedMemoIsRecognisedAsItsKindWithItsArguments(@ForAll("memos") EngineMemo.Recognised memo) {
    String text = memo.kind().compose(memo.arguments().toArray(String[]::new));

    assertEquals(Optional.of(memo), EngineMemo.recognise(text), text);
  }

  @Example
  void theEnginesOperationsWriteMemosOfTheCatalogue() {
    Money rupees = Money.of(CurrencyUnit.of("INR"), 100);
    MemberId m01 = MemberId.of("M01");
    assertEquals(recognised(EngineMemo.SAVES_VOLUNTARY, "M01"),
        EngineMemo.recognise(new GroupOperation.Save(m01, SavingsKind.VOLUNTARY, rupees, Channel.CASH).memo()));
    assertEquals(recognised(EngineMemo.FINED_FOR, "M01", "fine at the meeting of 2024-04-10"),
        EngineMemo.recognise(new GroupOperation.Fine(m01, rupees, "fine at the meeting of 2024-04-10", Channel.CASH)
            .memo()));
    assertEquals(recognised(EngineMemo.EXPENSE), EngineMemo.recognise(
        new GroupOperation.PayExpense(rupees, " ", Channel.CASH).memo()), "a blank description is none");
    assertEquals("repayment of loan 20240510-M02 by M02",
        EngineMemo.LOAN_REPAYMENT.compose("20240510-M02", "M02"), "the words the books have always held");
    assertEquals(SavingsGroups.YEAR_END_MEMO, EngineMemo.YEAR_END.compose());
  }

  @Example
  void wordsTheEngineDidNotWriteAreNoneOfItsMemos() {
    for (String memo : List.of("BY CASH", "NEFT CR REVOLVING FUND FROM VILLAGE ORGANISATION", "", "expense:",
        "M01 saves", "loan to M01", "opening balances from the paper books as of 2024-02-30", "Reclassified")) {
      assertEquals(Optional.empty(), EngineMemo.recognise(memo), memo);
    }
  }

  @Example
  void anArgumentThatCouldNotBeReadBackIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> EngineMemo.LOAN_DISBURSED.compose("L 1", "M01"));
    assertThrows(IllegalArgumentException.class, () -> EngineMemo.FINE_AT_MEETING.compose("10/04/2024"));
    assertThrows(IllegalArgumentException.class, () -> EngineMemo.FINED.compose());
  }

  private static Optional<EngineMemo.Recognised> recognised(EngineMemo kind, String... arguments) {
    return Optional.of(new EngineMemo.Recognised(kind, List.of(arguments)));
  }

  @Provide
  Arbitrary<EngineMemo.Recognised> memos() {
    return Arbitraries.of(EngineMemo.class).flatMap(kind -> {
      List<Arbitrary<String>> values = new ArrayList<>();
      for (EngineMemo.Argument argument : kind.arguments()) {
        values.add(valuesOf(argument));
      }
      return Combinators.combine(values).as(list -> new EngineMemo.Recognised(kind, list));
    });
  }

  private static Arbitrary<String> valuesOf(EngineMemo.Argument argument) {
    return switch (argument) {
      case MEMBER, LOAN -> id("_-", 15);
      case ENTRY -> id("._:/-", 40);
      case DATE -> Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2999, 12, 31)
          .toEpochDay()).map(day -> LocalDate.ofEpochDay(day).toString());
      case TEXT -> Arbitraries.oneOf(
          // words with the catalogue's own separators, placeholders and another script in them
          Arbitraries.strings().withChars(ALPHANUMERIC + " :(){}-.").withChars("सदस्यबचत").ofMaxLength(40),
          Arbitraries.strings().ofMaxLength(20),
          // a memo inside a memo, as a reclassification holds the line it reverses
          Arbitraries.of(EngineMemo.FINE_AT_MEETING.compose("2024-04-10"), EngineMemo.BANK_LINE.compose(),
              EngineMemo.LOAN_DISBURSED.compose("L1", "M01"), "M01 fined: late"));
    };
  }

  private static Arbitrary<String> id(String separators, int maxTail) {
    return Combinators.combine(
            Arbitraries.strings().withChars(ALPHANUMERIC).ofLength(1),
            Arbitraries.strings().withChars(ALPHANUMERIC + separators).ofMaxLength(maxTail))
        .as(String::concat);
  }
}
