package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.BankLine;

/**
 * Issue 13 item 6 as a property: members with random names and random bank account numbers (in
 * the roster), and bank lines, descriptions and reasons that name them and their accounts the ways
 * banks and treasurers write them, go through every import (a passbook in each of the five
 * profiles, the meeting register, the combined books import, the recording commands), and every
 * export and report is scanned:
 *
 * <ul>
 *   <li>no output holds a run of 9 or more digits (leaving aside the hexadecimal ids of bank lines
 *       and pseudonyms), or any of the account numbers however grouped;
 *   <li>what is pseudonymised for auditors, and what donors see, holds no member's name in any
 *       spelling (a word of it, or the whole name run together or spaced out), and donors' reports
 *       no member id either.
 * </ul>
 *
 * <p>Each try builds a group's books through the command line (about forty runs of {@code shg}),
 * so tries are few (two, about ten seconds each); every try goes through all five profiles.
 */
class PrivacyProperties {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final List<String> SYLLABLES = List.of("ka", "ri", "su", "ni", "ta", "vi", "pu", "ro", "mi",
      "la", "shi", "no", "ra", "ku", "ma", "ti", "ya", "sho", "gu", "ji");
  private static final Pattern NINE_DIGITS = Pattern.compile("[0-9]{9,}");
  /** Bank-line ids and pseudonyms are hexadecimal: digits in a row there are no account number. */
  private static final Pattern HEX_IDS = Pattern.compile("pb:[0-9a-f]+|P-[0-9a-f]{12}");
  private static final Pattern MEMBER_ID = Pattern.compile("(?<![A-Za-z0-9])M0[1-3](?![0-9])");

  /** A member as the property makes her: her name and her account number. */
  record Person(String name, String accountNumber) {}

  /** How a text writes a name: as registered, run together, spaced, in a UPI handle. */
  enum Spelling {
    AS_REGISTERED, RUN_TOGETHER_IN_CAPITALS, LOWER_CASE_DOUBLE_SPACED, UPI_HANDLE, CAPITALS;

    String of(String name) {
      return switch (this) {
        case AS_REGISTERED -> name;
        case RUN_TOGETHER_IN_CAPITALS -> name.replace(" ", "").toUpperCase(Locale.ROOT);
        case LOWER_CASE_DOUBLE_SPACED -> name.toLowerCase(Locale.ROOT).replace(" ", "  ");
        case UPI_HANDLE -> name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@okaxis";
        case CAPITALS -> name.toUpperCase(Locale.ROOT);
      };
    }
  }

  /** How a text writes an account number. */
  enum Written {
    PLAIN, IN_FOURS, IN_FOURS_WITH_HYPHENS, AFTER_A_C;

    String of(String number) {
      return switch (this) {
        case PLAIN -> number;
        case IN_FOURS -> fours(number, " ");
        case IN_FOURS_WITH_HYPHENS -> fours(number, "-");
        case AFTER_A_C -> "A/C" + number;
      };
    }

    private static String fours(String number, String separator) {
      List<String> groups = new ArrayList<>();
      for (int i = 0; i < number.length(); i += 4) {
        groups.add(number.substring(i, Math.min(number.length(), i + 4)));
      }
      return String.join(separator, groups);
    }
  }

  @Property(tries = 2, shrinking = ShrinkingMode.OFF)
  void noOutputHoldsAnAccountNumberAndNoAuditorsOrDonorsOutputAName(
      @ForAll("people") List<Person> people, @ForAll("spellings") List<Spelling> spellings,
      @ForAll("writings") List<Written> writings, @ForAll BankLayout booksLayout) throws IOException {
    Path directory = Files.createTempDirectory("shg-privacy");
    try {
      Books books = new Books(directory, people, spellings, writings);
      books.build(booksLayout);
      books.scanEveryOutput();
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
      }
    }
  }

  @Provide
  Arbitrary<List<Person>> people() {
    Arbitrary<String> word = Arbitraries.of(SYLLABLES).list().ofMinSize(2).ofMaxSize(3)
        .map(syllables -> capitalised(String.join("", syllables)));
    Arbitrary<String> name = word.list().ofMinSize(2).ofMaxSize(3).map(words -> String.join(" ", words));
    Arbitrary<String> number = Arbitraries.integers().between(9, 18).flatMap(length ->
        Arbitraries.strings().numeric().ofLength(length - 1)
            .flatMap(rest -> Arbitraries.integers().between(1, 9).map(first -> first + rest)));
    return Combinators.combine(name, number).as(Person::new).list().ofSize(3)
        .uniqueElements(person -> person.name().replace(" ", "").toLowerCase(Locale.ROOT))
        .uniqueElements(Person::accountNumber);
  }

  @Provide
  Arbitrary<List<Spelling>> spellings() {
    return Arbitraries.of(Spelling.class).list().ofSize(12);
  }

  @Provide
  Arbitrary<List<Written>> writings() {
    return Arbitraries.of(Written.class).list().ofSize(12);
  }

  private static String capitalised(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  /** One try's books, built through the command line, and the outputs to scan. */
  private static final class Books {
    private final Path directory;
    private final String db;
    private final List<Person> people;
    private final List<Spelling> spellings;
    private final List<Written> writings;
    private final Map<String, String> importOutputs = new LinkedHashMap<>();
    private int text;
    private Money balance = Money.zero(INR);

    Books(Path directory, List<Person> people, List<Spelling> spellings, List<Written> writings) {
      this.directory = directory;
      this.db = directory.resolve("shg.db").toString();
      this.people = people;
      this.spellings = spellings;
      this.writings = writings;
    }

    /** The next way of writing someone's name, or her account number, from the try's lists. */
    private String name(int member) {
      return spellings.get(text++ % spellings.size()).of(people.get(member).name());
    }

    private String number(int member) {
      return writings.get(text++ % writings.size()).of(people.get(member).accountNumber());
    }

    void build(BankLayout booksLayout) throws IOException {
      ok("group", "create", "SHG01", "--name", "Roshni Mahila Samooh", "--formed", "2024-04-01",
          "--monthly-savings", "100");
      StringBuilder roster = new StringBuilder("member,name,category,joined,bank_name,bank_ifsc,bank_account\n");
      for (int m = 0; m < people.size(); m++) {
        roster.append("M0").append(m + 1).append(',').append(people.get(m).name()).append(",adult_woman,2024-04-01,")
            .append("State Bank of India,SBIN0003318,").append(people.get(m).accountNumber()).append('\n');
      }
      importOutputs.put("import members", ok("import", "members", "SHG01", write("members.csv", roster)).out());

      // April to August: the register, and each month's statement in another bank's layout
      StringBuilder register = new StringBuilder("date,member,present,savings\n");
      for (int month = 4; month <= 8; month++) {
        meeting(register, LocalDate.of(2024, month, 10));
      }
      importOutputs.put("import meetings", ok("import", "meetings", "SHG01", write("meetings.csv", register)).out());
      List<String> profiles = List.of("generic", "sbi", "hdfc", "icici", "kotak");
      for (int i = 0; i < profiles.size(); i++) {
        String profile = profiles.get(i);
        Path statement = statement(profile, LocalDate.of(2024, 4 + i, 15));
        importOutputs.put("import passbook " + profile,
            ok("import", "passbook", "SHG01", statement.toString(), "--profile", profile).out());
      }

      // September: the register and the statement together
      StringBuilder september = new StringBuilder("date,member,present,savings\n");
      meeting(september, LocalDate.of(2024, 9, 10));
      Path statement = statement(booksLayout.profile(), LocalDate.of(2024, 9, 15));
      importOutputs.put("import books", ok("import", "books", "SHG01", "--meetings", write("september.csv", september),
          "--passbook", statement.toString(), "--profile", booksLayout.profile()).out());

      // what a treasurer types
      importOutputs.put("expense", ok("expense", "SHG01", "--amount", "50", "--date", "2024-09-20",
          "--description", "paid to " + name(0) + " a/c " + number(0)).out());
      importOutputs.put("income", ok("income", "SHG01", "--amount", "20", "--date", "2024-09-20",
          "--description", "from " + name(1) + " " + number(1)).out());
      importOutputs.put("fine", ok("fine", "SHG01", "M03", "--amount", "10", "--date", "2024-09-20",
          "--reason", "late; " + name(2) + " " + number(2), "--id", "FINE-1").out());
      importOutputs.put("reverse", ok("reverse", "SHG01", "FINE-1", "--reason",
          "not " + name(2) + " but " + name(0) + " a/c " + number(0)).out());
      ok("unit", "create", "FED", "--name", "Mahila federation");
      ok("unit", "add-group", "FED", "SHG01");
    }

    private void meeting(StringBuilder register, LocalDate date) {
      for (int m = 1; m <= people.size(); m++) {
        register.append(date).append(",M0").append(m).append(",Y,100\n");
      }
    }

    /** Three lines naming the members and their accounts, in a profile's layout. */
    private Path statement(String profile, LocalDate day) throws IOException {
      List<BankLine> lines = new ArrayList<>();
      lines.add(line(day, "UPI/" + number(0) + "/" + name(0) + "/SBIN", 0, 1000));
      lines.add(line(day.plusDays(1), "TRF TO a/c " + number(1) + " " + name(1), 200, 0));
      lines.add(line(day.plusDays(2), "NEFT CR " + number(2) + " " + name(2) + " SBIN", 0, 300));
      StringWriter out = new StringWriter();
      if (profile.equals("icici")) {
        // the generator writes no ICICI layout: its statement download, by hand
        out.write("DETAILED STATEMENT\n\nS No.,Value Date,Transaction Date,Cheque Number,Transaction Remarks,"
            + "Withdrawal Amount (INR ),Deposit Amount (INR ),Balance (INR )\n");
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
        int serial = 1;
        for (BankLine line : lines) {
          out.write(serial++ + "," + dates.format(line.date()) + "," + dates.format(line.date()) + ",,"
              + line.narration() + "," + line.withdrawal().getAmount() + "," + line.deposit().getAmount() + ","
              + line.balance().getAmount() + "\n");
        }
      } else {
        BankLayout layout = BankLayout.named(profile);
        layout.writeHeader(out, "ROSHNI MAHILA SAMOOH", "00000041230968", day);
        int serial = 1;
        for (BankLine line : lines) {
          layout.writeLine(out, serial++, line);
        }
      }
      Path file = directory.resolve(profile + "-" + day + ".csv");
      Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
      return file;
    }

    private BankLine line(LocalDate date, String narration, int withdrawal, int deposit) {
      balance = balance.plus(deposit).minus(withdrawal);
      return new BankLine(date, narration, "", Money.of(INR, withdrawal), Money.of(INR, deposit), balance);
    }

    void scanEveryOutput() {
      Map<String, String> pseudonymised = new LinkedHashMap<>();
      pseudonymised.put("export gl-csv --pseudonymize", ok("export", "SHG01", "--format", "gl-csv",
          "--pseudonymize").out());
      pseudonymised.put("trial-balance --members --pseudonymize", ok("trial-balance", "SHG01", "--members",
          "--pseudonymize").out());
      for (int m = 1; m <= people.size(); m++) {
        pseudonymised.put("passbook M0" + m + " --pseudonymize", ok("passbook", "SHG01", "M0" + m,
            "--pseudonymize", "--format", "csv").out());
      }
      Map<String, String> donors = new LinkedHashMap<>();
      donors.put("indicators", ok("indicators", "--groups", "SHG01", "--as-of", "2024-09-30").out());
      donors.put("indicators FED csv", ok("indicators", "FED", "--as-of", "2024-09-30", "--format", "csv").out());
      donors.put("unit statement", ok("unit", "statement", "FED", "--from", "2024-04-01", "--to", "2025-03-31").out());
      Map<String, String> others = new LinkedHashMap<>(importOutputs);
      for (String format : List.of("gl-csv", "trial-balance-csv", "hledger", "ledger")) {
        others.put("export " + format, ok("export", "SHG01", "--format", format).out());
      }
      others.put("account 1100", ok("account", "SHG01", "1100", "--format", "json").out());
      others.put("account 9999", ok("account", "SHG01", "9999", "--format", "csv").out());
      others.put("account 4100", ok("account", "SHG01", "4100", "--format", "csv").out());
      others.put("passbook M01", ok("passbook", "SHG01", "M01").out());
      others.put("statement", ok("statement", "SHG01").out());

      assertTrue(pseudonymised.get("export gl-csv --pseudonymize").contains("NEFT CR "),
          "the narrations are in the export: the scan reads what it should");
      int scanned = 0;
      for (Map<String, String> outputs : List.of(pseudonymised, donors, others)) {
        for (Map.Entry<String, String> output : outputs.entrySet()) {
          assertNoAccountNumber(output.getKey(), output.getValue());
          if (outputs != others) {
            assertNoName(output.getKey(), output.getValue());
          }
          if (outputs == donors) {
            assertFalse(MEMBER_ID.matcher(output.getValue()).find(), output.getKey() + ":\n" + output.getValue());
          }
          scanned++;
        }
      }
      assertEquals(2 + people.size() + 3 + importOutputs.size() + 9, scanned);
    }

    private void assertNoAccountNumber(String what, String output) {
      // the temporary directory's name is digits, and the imports name their files
      String withoutIds = HEX_IDS.matcher(output.replace(directory.toString(), "DIR")).replaceAll("");
      assertFalse(NINE_DIGITS.matcher(withoutIds).find(), () -> what + " holds nine digits in a row:\n" + output);
      for (Person person : people) {
        String anyGrouping = person.accountNumber().chars().mapToObj(c -> String.valueOf((char) c))
            .collect(Collectors.joining("[ -]?"));
        assertFalse(Pattern.compile(anyGrouping).matcher(withoutIds).find(),
            () -> what + " holds " + person.accountNumber() + ":\n" + output);
      }
    }

    private void assertNoName(String what, String output) {
      for (Person person : people) {
        List<String> words = List.of(person.name().toLowerCase(Locale.ROOT).split(" "));
        String spaced = words.stream().map(Pattern::quote).collect(Collectors.joining("[\\s._-]*"));
        Pattern whole = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + spaced + "(?![\\p{L}\\p{N}])");
        assertFalse(whole.matcher(output).find(), () -> what + " names " + person.name() + ":\n" + output);
        for (String token : output.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{M}\\p{N}]+")) {
          assertFalse(words.contains(token), () -> what + " holds '" + token + "' of " + person.name() + ":\n" + output);
        }
      }
    }

    private String write(String name, CharSequence content) {
      Path file = directory.resolve(name);
      try {
        Files.writeString(file, content, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return file.toString();
    }

    private Run ok(String... args) {
      List<String> all = new ArrayList<>(List.of(args));
      all.add("--db");
      all.add(db);
      Run run = Run.shg(all.toArray(String[]::new));
      assertEquals(ExitCodes.OK, run.exitCode(), () -> String.join(" ", args) + "\n" + run.out() + run.err());
      return run;
    }
  }
}
