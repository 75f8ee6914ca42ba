package org.shgledger.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.joda.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.shgledger.group.Chart;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;

/** Report words in English, Hindi and Bengali. */
class LabelsTest {

  @Test
  void englishAndHindi() {
    assertEquals("Trial balance", Labels.of(Lang.EN).get("report.trial_balance"));
    assertEquals("तलपट", Labels.of(Lang.HI).get("report.trial_balance"));
    assertEquals("नामे", Labels.of(Lang.HI).get("debit"));
    assertEquals("जमा", Labels.of(Lang.HI).get("credit"));
    assertEquals("Balance sheet", Labels.of(Lang.EN).get("balance_sheet"));
    assertEquals("तुलन पत्र", Labels.of(Lang.HI).get("balance_sheet"));
  }

  @Test
  void bengali() {
    Labels bengali = Labels.of(Lang.BN);
    assertEquals("রেওয়ামিল", bengali.get("report.trial_balance"));
    assertEquals("সঞ্চয়", bengali.get("savings"));
    assertEquals("ঋণ", bengali.get("loan"));
    assertEquals("সুদ", bengali.get("interest"));
    assertEquals("জরিমানা", bengali.get("fine"));
    assertEquals("উদ্বৃত্তপত্র", bengali.get("balance_sheet"));
    assertEquals("হাতে নগদ", bengali.accountName(Chart.CASH, "Cash in hand"));
    assertEquals("সদস্যদের বাধ্যতামূলক সঞ্চয় — M01",
        bengali.accountName(AccountCode.of("2000:M01"), "Members' compulsory savings — M01"), "a member's sub-ledger");
  }

  /**
   * Every language there is has exactly the English keys, each label in the language's own script
   * (the script most of its file is written in, so a new language needs no change here): a key
   * missing in one language would print English in the middle of its report.
   */
  @Test
  void everyEnglishKeyIsTranslatedInEveryLanguageAndNothingElse() throws IOException {
    Set<String> english = keys("labels.properties");
    assertTrue(Lang.values().containsAll(List.of(Lang.EN, Lang.HI, Lang.BN)), Lang.values().toString());
    for (Lang lang : Lang.values()) {
      if (lang.equals(Lang.EN)) {
        continue;
      }
      assertEquals(english, keys("labels_" + lang.code() + ".properties"), lang.code());
      Labels labels = Labels.of(lang);
      Map<Character.UnicodeBlock, Long> blocks = english.stream().flatMapToInt(key -> labels.get(key).codePoints())
          .filter(Character::isLetter).mapToObj(Character.UnicodeBlock::of)
          .filter(block -> block != Character.UnicodeBlock.BASIC_LATIN)
          .collect(Collectors.groupingBy(block -> block, Collectors.counting()));
      Character.UnicodeBlock script = Collections.max(blocks.entrySet(), Map.Entry.comparingByValue()).getKey();
      for (String key : english) {
        // PAR30 is an international abbreviation that Hindi books print as it is
        assertTrue(labels.get(key).codePoints().anyMatch(c -> Character.UnicodeBlock.of(c) == script)
            || key.equals("par30"), lang.code() + " (" + script + "): " + key);
      }
    }
  }

  /**
   * Numbers stay in the digits 0-9 in every language, as in the books and the bank's passbook: a
   * label that wrote "৩০" beside figures printed as "30" would make one report use two digit sets.
   */
  @Test
  void everyLanguageWritesNumbersInTheDigitsZeroToNine() throws IOException {
    for (Lang lang : Lang.values()) {
      Labels labels = Labels.of(lang);
      for (String key : keys("labels.properties")) {
        String label = labels.get(key);
        assertTrue(label.codePoints().filter(Character::isDigit).allMatch(c -> c >= '0' && c <= '9'),
            lang.code() + ": " + key + "=" + label);
      }
    }
  }

  @Test
  void aLanguageIsItsCodeInAnyCaseAndOnlyOneThereAreLabelsFor() {
    assertEquals(Lang.BN, Lang.of(" BN "));
    assertEquals(Lang.EN, Lang.of("en"));
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Lang.of("fr"));
    assertEquals("'fr' is not a language; use en (English), bn (Bengali, বাংলা) or hi (Hindi, हिन्दी)", none.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Lang.of("../labels"));
  }

  /** The English labels of the standard chart are the names the books give its accounts. */
  @Test
  void theStandardChartsNamesAreItsLabels() {
    for (Account account : Chart.standardAccounts(BookId.of("SHG01"), CurrencyUnit.of("INR"))) {
      assertEquals(account.name(), Labels.of(Lang.EN).get("account." + account.code().value()), account.toString());
    }
  }

  @Test
  void aStandardAccountIsNamedInTheReportsLanguageAndAGroupsOwnNameAsWritten() {
    Labels hindi = Labels.of(Lang.HI);
    assertEquals("हाथ में नकद", hindi.accountName(Chart.CASH, "Cash in hand"));
    assertEquals("सदस्यों की अनिवार्य बचत — M01",
        hindi.accountName(AccountCode.of("2000:M01"), "Members' compulsory savings — M01"), "a member's sub-ledger");
    assertEquals("Cash box with Sunita", hindi.accountName(Chart.CASH, "Cash box with Sunita"), "renamed by the group");
    assertEquals("Petty cash", hindi.accountName(AccountCode.of("1050"), "Petty cash"), "not in the standard chart");
    assertEquals("Cash in hand", Labels.of(Lang.EN).accountName(Chart.CASH, "Cash in hand"));
  }

  @Test
  void englishStaysEnglishWhateverTheMachinesLanguage() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("hi"));
      assertEquals("Debit", Labels.of(Lang.EN).get("debit"));
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void placeholdersAreFilledLiterallyAndApostrophesNeedNoEscaping() {
    assertEquals("THE BOOKS DO NOT BALANCE: the right side is 5.00",
        Labels.of(Lang.EN).format("note.equation_fails", "5.00"));
    assertThrows(IllegalArgumentException.class, () -> Labels.of(Lang.EN).get("no.such.key"));
  }

  private static Set<String> keys(String file) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Labels.class.getResourceAsStream("/org/shgledger/cli/" + file)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return new TreeSet<>(properties.stringPropertyNames());
  }
}
