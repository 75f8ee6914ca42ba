package org.shgledger.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Masking account numbers in the text the books keep: the table of what is and is not one. */
class AccountNumbersTest {

  private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9}");

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      # a run of 9 to 18 digits, the lengths of Indian account numbers, whatever touches it
      UPI/20417755301/SUNITADEVI/SBIN       | UPI/XXXXXXX5301/SUNITADEVI/SBIN
      TRF TO a/c 2463001700058214           | TRF TO a/c XXXXXXXXXXXX8214
      A/C2463001700058214                   | A/CXXXXXXXXXXXX8214
      NEFT-SBIN224295118806-RF              | NEFT-SBINXXXXXXXX8806-RF
      123456789                             | XXXXX6789
      123456789012345678                    | XXXXXXXXXXXXXX5678
      # longer than any account number, yet maybe one run into something else
      1234567890123456789012                | XXXXXXXXXXXXXXXXXX9012
      # a number written in fours, masked as one, its separators kept
      2463 0017 0005 8214                   | XXXX XXXX XXXX 8214
      2463-0017-0005-8214                   | XXXX-XXXX-XXXX-8214
      a/c no. 2041 7755 301 (SBI)           | a/c no. XXXX XXX5 301 (SBI)
      2463 0017 0005 8214 on 06-04-2025     | XXXX XXXX XXXX 8214 on 06-04-2025
      06-04-2025 2463 0017 0005 8214        | 06-04-2025 XXXX XXXX XXXX 8214
      2463 0017 0005 8214.50                | XXXX XXXX XXXX 8214.50
      ref 12-2463-0017-0005-8214            | ref 12-XXXX-XXXX-XXXX-8214
      # dates, amounts and numbers of 8 digits or fewer stay
      BY CASH 06-04-2025 15000.00           | BY CASH 06-04-2025 15000.00
      2025-04-06 1,50,000.00 Cr             | 2025-04-06 1,50,000.00 Cr
      ACCT:123:Int.Pd:01-04-2025 to 30-06-2025 | ACCT:123:Int.Pd:01-04-2025 to 30-06-2025
      cheque 12345678                       | cheque 12345678
      1234 5678                             | 1234 5678
      06/04/2025 1500 2000                  | 06/04/2025 1500 2000
      06-04-2025 1500 2000                  | 06-04-2025 1500 2000
      15000.00 1500 2000                    | 15000.00 1500 2000
      12345.6789 1234                       | 12345.6789 1234
      # groups of other sizes are not read as one number
      204 177 553 01                        | 204 177 553 01
      # a hexadecimal hash (a bank line's id) stays whole; 32 digits and nothing else do not
      reversal of pb:54bd519b625f862e75ea215997654963620335d9: wrong | reversal of pb:54bd519b625f862e75ea215997654963620335d9: wrong
      12345678901234567890123456789012      | XXXXXXXXXXXXXXXXXXXXXXXXXXXX9012
      # masked text has nothing left to mask
      UPI/XXXXXXX5301/SUNITADEVI/SBIN       | UPI/XXXXXXX5301/SUNITADEVI/SBIN
      XXXX XXXX XXXX 8214                   | XXXX XXXX XXXX 8214
      # a number in fours that a masked run uncovers is masked too (found by the property below)
      123450000-0000-0                      | XXXXXXXXX-X000-0
      """)
  void masksWhatMayBeAnAccountNumberAndNothingElse(String text, String masked) {
    assertEquals(masked, AccountNumbers.mask(text));
  }

  @ParameterizedTest
  @CsvSource({"M01 saves (compulsory)", "expense: stationery", "''"})
  void aTextWithNothingToMaskIsReturnedAsItIs(String text) {
    assertSame(text, AccountNumbers.mask(text));
  }

  /** Whatever surrounds it, an account number does not survive, and only its digits change. */
  @Property(tries = 300)
  void noNineDigitsInARowAreLeftAndTheRestIsKept(
      @ForAll("narrations") String before, @ForAll("accountNumbers") String number,
      @ForAll("narrations") String after) {
    String text = before + number + after;
    String masked = AccountNumbers.mask(text);

    assertEquals(text.length(), masked.length());
    assertEquals(false, NINE_DIGITS.matcher(masked).find(), masked);
    for (int i = 0; i < text.length(); i++) {
      if (masked.charAt(i) != text.charAt(i)) {
        assertEquals(AccountNumbers.MASK, masked.charAt(i), masked);
        assertEquals(true, Character.isDigit(text.charAt(i)), masked);
      }
    }
    assertEquals(masked, AccountNumbers.mask(masked), "masking is idempotent");
  }

  @Provide
  Arbitrary<String> accountNumbers() {
    return Arbitraries.strings().numeric().ofMinLength(AccountNumbers.MIN_DIGITS).ofMaxLength(18);
  }

  @Provide
  Arbitrary<String> narrations() {
    return Arbitraries.strings().withChars("ABCXYZ/-.:, 0123456789").ofMaxLength(12);
  }
}
