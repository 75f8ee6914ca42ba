package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shgledger.importing.passbook.Books.INR;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.joda.money.Money;
import org.shgledger.journal.EntryId;

/**
 * A line's entry id is stored in the books and found again by every later import of an overlapping
 * statement, so its recipes may never change: these properties hold the importer's ids to the
 * recipes written out plainly (netstrings of the content, SHA-256, 160 bits in hex): {@code v2},
 * what every layout shows of a line, and {@code v1}, as first defined, which also took the
 * narration with whitespace runs read as one space and the reference, and which the importer still
 * looks up in books imported before {@code v2}.
 */
class LineIdProperties {

  @Provide
  Arbitrary<String> narrations() {
    return Arbitraries.strings().withChars("AB1 /\t\n\r\u000B\f\u00A0-").ofMaxLength(30);
  }

  @Property(tries = 300)
  void whitespaceRunsAreOneSpace(@ForAll("narrations") String narration) {
    assertEquals(narration.replaceAll("\\s+", " "), LineIdentity.normalised(narration));
  }

  @Property(tries = 300)
  void theIdIsTheRecipeAsFirstDefined(
      @ForAll("narrations") String narration,
      @ForAll("narrations") String reference,
      @ForAll boolean deposit,
      @ForAll("minor") long amount,
      @ForAll("minor") long balance,
      @ForAll("ordinals") int ordinal) {
    Money money = Money.ofMinor(INR, amount);
    Money zero = Money.zero(INR);
    PassbookLine line = new PassbookLine(7, LocalDate.of(2025, 4, 1).plusDays(amount % 1000), narration,
        reference, deposit ? zero : money, deposit ? money : zero, Money.ofMinor(INR, balance));
    assertEquals(recipe(line, ordinal), PassbookImporter.idOf(line, ordinal));
    assertEquals(firstRecipe(line, ordinal), new LineIdentity().legacy(line, LineIdentity.normalised(narration), ordinal));
  }

  /** What a layout leaves out or writes its own way, the narration and reference, is not in the id. */
  @Property(tries = 100)
  void theIdIsTheSameInEveryLayout(
      @ForAll("narrations") String narration, @ForAll("narrations") String otherNarration,
      @ForAll("narrations") String reference, @ForAll("minor") long amount, @ForAll("minor") long balance) {
    Money money = Money.ofMinor(INR, amount);
    Money zero = Money.zero(INR);
    LocalDate date = LocalDate.of(2025, 4, 1);
    PassbookLine sbi = new PassbookLine(7, date, narration, reference, zero, money, Money.ofMinor(INR, balance));
    PassbookLine generic = new PassbookLine(3, date, otherNarration, "", zero, money, Money.ofMinor(INR, balance));
    assertEquals(new LineIdentity().next(sbi).id(), new LineIdentity().next(generic).id());
  }

  @Provide
  Arbitrary<Long> minor() {
    return Arbitraries.longs().between(1, 10_000_000_000L);
  }

  @Provide
  Arbitrary<Integer> ordinals() {
    return Arbitraries.integers().between(0, 20);
  }

  private static EntryId recipe(PassbookLine line, int ordinal) {
    return hashed(new String[] {
        "shg-ledger/passbook-line/v2", line.date().toString(),
        Long.toString(line.withdrawal().getAmountMinorLong()), Long.toString(line.deposit().getAmountMinorLong()),
        Long.toString(line.balance().getAmountMinorLong()), Integer.toString(ordinal)});
  }

  private static EntryId firstRecipe(PassbookLine line, int ordinal) {
    return hashed(new String[] {
        "shg-ledger/passbook-line/v1", line.date().toString(),
        Long.toString(line.withdrawal().getAmountMinorLong()), Long.toString(line.deposit().getAmountMinorLong()),
        Long.toString(line.balance().getAmountMinorLong()), line.narration().replaceAll("\\s+", " "),
        line.reference(), Integer.toString(ordinal)});
  }

  private static EntryId hashed(String[] values) {
    StringBuilder content = new StringBuilder();
    for (String value : values) {
      content.append(value.length()).append(':').append(value).append(',');
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.toString().getBytes(StandardCharsets.UTF_8));
      return EntryId.of("pb:" + HexFormat.of().formatHex(hash).substring(0, 40));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
