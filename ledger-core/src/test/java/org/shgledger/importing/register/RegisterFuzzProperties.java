package org.shgledger.importing.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.register.RegisterFixtures.INR;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.DateLimits;
import org.shgledger.group.Member;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.Fuzz;
import org.shgledger.importing.Fuzz.Corruption;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.BookId;
import org.shgledger.store.LedgerStore;

/**
 * Fuzzing of the meeting register and roster imports: a generated file spoiled in one place
 * (truncated lines, wrong column counts, bad dates and numbers, stray quotes, a byte-order mark in
 * the middle, huge fields, binary garbage, bytes that are not UTF-8...) ends either in success
 * with exactly the totals the file holds, or in an {@link ImportException} whose every problem
 * names {@code file:line:column} with a reason in words, and a store unchanged. Never another
 * exception, never part of a file. A file with a far date (year 0000 or 9999, 2099, before the
 * group's formation) is always refused.
 *
 * <p>On a SQLite store (so that a refusal by the books part way through rolls back), one store for
 * all tries and a new group for each.
 */
class RegisterFuzzProperties {

  /** Small limits, so that huge fields and lines meet them. */
  private static final ImportLimits LIMITS = new ImportLimits(1_000_000, 10_000, 300, 2_000, 50);

  private static final String MEETINGS_HEADER =
      "date,member,present,savings,voluntary_savings,fine,repaid_total,savings_withdrawn,loan_given,penalty,channel";
  private static final String ROSTER_HEADER = "member,name,category,joined,bank_name,bank_ifsc,bank_account";

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/uuuu")
      .withResolverStyle(ResolverStyle.STRICT);

  private static Path directory;
  private static LedgerStore store;
  private static final AtomicInteger GROUPS = new AtomicInteger();

  @BeforeContainer
  static void openStore() throws IOException {
    // In memory where the machine has it: the property is about what is written, not about the
    // disk, and a write that waits for the disk costs a hundred tries their seconds.
    Path shm = Path.of("/dev/shm");
    directory = Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "shg-register-fuzz")
        : Files.createTempDirectory("shg-register-fuzz");
    // today fixed, so that a far date is as far on any day the test runs
    store = LedgerStore.openSqlite(directory.resolve("fuzz.db"), LedgerStore.DEFAULT_BUSY_TIMEOUT,
        new DateLimits(Clock.fixed(Instant.parse("2025-06-15T06:00:00Z"), ZoneOffset.UTC),
            DateLimits.DEFAULT_FUTURE_DAYS));
  }

  @AfterContainer
  static void closeStore() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /** A new group with members M01 to M04, who joined on 1 April 2024. */
  private static BookId newGroup(boolean withMembers) {
    BookId code = BookId.of("FZ" + GROUPS.incrementAndGet());
    SavingsGroups groups = store.engine();
    groups.createGroup(RegisterFixtures.group(code));
    if (withMembers) {
      for (MemberId member : RegisterImportProperties.MEMBERS) {
        groups.addMember(code, Member.joining(member, "Member " + member, MemberCategory.ADULT_WOMAN,
            LocalDate.of(2024, 4, 1)));
      }
    }
    return code;
  }

  private static Path write(byte[] bytes) {
    try {
      return Files.write(directory.resolve("file-" + GROUPS.get() + ".csv"), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Everything a group's books hold. */
  private static List<String> snapshot(BookId code) {
    List<String> all = new ArrayList<>();
    store.journal().entries(code).forEach(entry -> all.add(entry.toString()));
    store.registry().members(code).forEach(member -> all.add(member.toString()));
    store.registry().meetings(code).forEach(meeting -> all.add(meeting.toString()));
    store.registry().loans(code).forEach(loan -> {
      all.add(loan.toString());
      store.registry().loanEvents(code, loan.id()).forEach(event -> all.add(event.toString()));
    });
    return all;
  }

  // ------------------------------------------------------------------ meeting registers

  @Provide
  Arbitrary<List<RegisterImportProperties.Line>> registers() {
    return RegisterImportProperties.plausibleRegisters();
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
  }

  /**
   * The register as CSV; the bits of {@code seed} choose, row by row, the bank as the channel
   * (the members have no bank account on record, so a loan or withdrawal through it is refused)
   * and a penalty of 5 on a row that repays.
   */
  private static String meetingsCsv(List<RegisterImportProperties.Line> lines, boolean dayFirst, long seed) {
    StringBuilder out = new StringBuilder(MEETINGS_HEADER).append('\n');
    int i = 0;
    for (RegisterImportProperties.Line line : lines) {
      String csv = line.csv();
      if (dayFirst) {
        csv = line.date().format(DAY_FIRST) + csv.substring(csv.indexOf(','));
      }
      boolean bank = (seed >>> (2 * i % 64) & 1) == 1;
      boolean penalty = line.repaidTotal() > 0 && (seed >>> ((2 * i + 1) % 64) & 1) == 1;
      out.append(csv).append(penalty ? ",5" : ",").append(bank ? ",bank" : (i % 3 == 0 ? ",cash" : ","))
          .append('\n');
      i++;
    }
    return out.toString();
  }

  // Random cases rather than the combinations of edge cases of five parameters.
  @Property(tries = 250, edgeCases = EdgeCasesMode.NONE)
  void spoiledMeetingRegistersSucceedExactlyOrFailCleanly(
      @ForAll("registers") List<RegisterImportProperties.Line> lines,
      @ForAll boolean dayFirst,
      @ForAll long channels,
      @ForAll Corruption corruption,
      @ForAll("positions") int position,
      @ForAll("garbage") byte[] garbage) {
    BookId code = newGroup(true);
    byte[] bytes = Fuzz.corrupt(meetingsCsv(lines, dayFirst, channels), corruption, position, garbage);
    Path file = write(bytes);
    List<String> before = snapshot(code);
    try {
      ImportResult result = MeetingImport.run(store.engine(), code, file, LIMITS, false);
      Statistics.label("outcome").collect("imported");
      assertNotEquals(Corruption.FAR_DATE, corruption, "a far date is never imported");
      Totals totals = Totals.of(bytes);
      assertEquals(totals.rows, result.rows());
      assertTotals(code, totals);
      List<String> once = snapshot(code);
      ImportResult again = MeetingImport.run(store.engine(), code, file, LIMITS, false);
      assertEquals(List.of(), again.recorded(), "importing again records nothing");
      assertEquals(once, snapshot(code));
    } catch (ImportException e) {
      Statistics.label("outcome").collect(corruption == Corruption.FAR_DATE ? "refused: far date" : "refused");
      assertClear(e, file, bytes);
      assertEquals(before, snapshot(code), "a refused file leaves the store as it was");
    }
    // Most spoilings break the file, so imports are the rare outcome (about 4-8 % of tries, 9 of
    // 250 seen with one seed): demand a few of each, not a share that an unlucky seed misses.
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("imported").count(count -> count >= 3);
      coverage.check("refused").count(count -> count > 10);
      coverage.check("refused: far date").count(count -> count >= 1);
    });
  }

  /** The books hold exactly the money the file's rows move. */
  private static void assertTotals(BookId code, Totals totals) {
    assertEquals(money(totals.savings.add(totals.voluntary).add(totals.fines).add(totals.repaid)
        .subtract(totals.withdrawn).subtract(totals.loans)), net(code, Chart.CASH).plus(net(code, Chart.BANK)),
        "cash and bank");
    assertEquals(money(totals.bankIn.subtract(totals.bankOut)), net(code, Chart.BANK), "bank");
    assertEquals(money(totals.savings.subtract(totals.withdrawn)).negated(), net(code, Chart.COMPULSORY_SAVINGS),
        "compulsory savings");
    assertEquals(money(totals.voluntary).negated(), net(code, Chart.VOLUNTARY_SAVINGS), "voluntary savings");
    // a repayment is principal (1200), interest (4000) and penalties (4100); fines go to 4100 too;
    // a penalty charged moves no money
    assertEquals(money(totals.loans.subtract(totals.repaid).subtract(totals.fines)),
        net(code, Chart.MEMBER_LOANS).plus(net(code, Chart.LOAN_INTEREST)).plus(net(code, Chart.FINES)),
        "loans, interest and fines");
    assertEquals(totals.dates.size(), store.registry().meetings(code).size(), "meetings");
    assertEquals(totals.loanCount, store.registry().loans(code).size(), "loans");
  }

  private static Money net(BookId code, AccountCode account) {
    return store.journal().balance(code, account, LocalDate.MAX).net();
  }

  private static Money money(BigDecimal amount) {
    return Money.of(INR, amount);
  }

  /**
   * What an imported register holds, read apart from the importer: the bytes (which, since the
   * import took them, are UTF-8 CSV) with Commons CSV, amounts as plain decimals.
   */
  private static final class Totals {
    BigDecimal savings = BigDecimal.ZERO;
    BigDecimal voluntary = BigDecimal.ZERO;
    BigDecimal fines = BigDecimal.ZERO;
    BigDecimal repaid = BigDecimal.ZERO;
    BigDecimal withdrawn = BigDecimal.ZERO;
    BigDecimal loans = BigDecimal.ZERO;
    BigDecimal bankIn = BigDecimal.ZERO;
    BigDecimal bankOut = BigDecimal.ZERO;
    int loanCount;
    int rows;
    final Set<LocalDate> dates = new HashSet<>();

    static Totals of(byte[] bytes) {
      Totals totals = new Totals();
      List<CSVRecord> records = records(bytes);
      Map<String, Integer> columns = new HashMap<>();
      int first = 0;
      while (blank(records.get(first))) {
        first++;
      }
      CSVRecord header = records.get(first);
      for (int i = 0; i < header.size(); i++) {
        columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
      for (CSVRecord record : records.subList(first + 1, records.size())) {
        if (blank(record)) {
          continue;
        }
        totals.rows++;
        totals.dates.add(date(cell(record, columns, "date")));
        BigDecimal in = amount(record, columns, "savings").add(amount(record, columns, "voluntary_savings"))
            .add(amount(record, columns, "fine")).add(amount(record, columns, "repaid_total"));
        totals.savings = totals.savings.add(amount(record, columns, "savings"));
        totals.voluntary = totals.voluntary.add(amount(record, columns, "voluntary_savings"));
        totals.fines = totals.fines.add(amount(record, columns, "fine"));
        totals.repaid = totals.repaid.add(amount(record, columns, "repaid_total"));
        totals.withdrawn = totals.withdrawn.add(amount(record, columns, "savings_withdrawn"));
        BigDecimal loan = amount(record, columns, "loan_given");
        totals.loans = totals.loans.add(loan);
        if (cell(record, columns, "channel").equalsIgnoreCase("bank")) {
          totals.bankIn = totals.bankIn.add(in);
          totals.bankOut = totals.bankOut.add(amount(record, columns, "savings_withdrawn")).add(loan);
        }
        if (loan.signum() > 0) {
          totals.loanCount++;
        }
      }
      return totals;
    }

    private static boolean blank(CSVRecord record) {
      for (String cell : record) {
        if (!cell.isBlank()) {
          return false;
        }
      }
      return true;
    }

    private static String cell(CSVRecord record, Map<String, Integer> columns, String column) {
      Integer index = columns.get(column);
      return index == null || index >= record.size() ? "" : record.get(index).strip();
    }

    private static BigDecimal amount(CSVRecord record, Map<String, Integer> columns, String column) {
      String text = cell(record, columns, column);
      return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    }

    private static LocalDate date(String text) {
      try {
        return LocalDate.parse(text, ISO);
      } catch (DateTimeParseException e) {
        return LocalDate.parse(text, DAY_FIRST);
      }
    }
  }

  private static List<CSVRecord> records(byte[] bytes) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("the import took bytes that are not UTF-8", e);
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    try {
      return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every problem names the file, a line within it and a column, with a reason in words. */
  private static void assertClear(ImportException e, Path file, byte[] bytes) {
    assertFalse(e.problems().isEmpty());
    long lines = 1;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    for (ImportProblem problem : e.problems()) {
      assertEquals(file.toString(), problem.file());
      assertTrue(problem.line() <= lines, problem.toString());
      assertTrue(problem.toString().startsWith(file + ":" + problem.line() + ":" + problem.column() + ": "));
      for (String internal : List.of("Exception", "java.", "null", "Index ", "out of bounds")) {
        assertFalse(problem.reason().contains(internal), "a reason in words, not Java's: " + problem);
      }
    }
  }

  // ------------------------------------------------------------------ rosters

  /** One generated roster row. */
  record RosterRow(String member, String name, String category, LocalDate joined, String account) {
    String csv() {
      String bank = account.isEmpty() ? ",," : "State Bank of India,SBIN0001234," + account;
      return member + "," + name + "," + category + "," + joined + "," + bank;
    }
  }

  @Provide
  Arbitrary<List<RosterRow>> rosters() {
    Arbitrary<RosterRow> row = Combinators.combine(
            Arbitraries.of("Asha Devi", "Sunita Bai", "\"Devi, Rekha\"", "Pooja", "Meena Kumari"),
            Arbitraries.of("adult_woman", "adult_woman", "adolescent_girl"),
            Arbitraries.integers().between(0, 60),
            Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().numeric().ofLength(11)))
        .as((name, category, days, account) ->
            new RosterRow("", name, category, LocalDate.of(2024, 4, 1).plusDays(days), account));
    return row.list().ofMinSize(1).ofMaxSize(8).map(rows -> {
      List<RosterRow> numbered = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        RosterRow r = rows.get(i);
        numbered.add(new RosterRow(String.format("M%02d", i + 1), r.name(), r.category(), r.joined(), r.account()));
      }
      return numbered;
    });
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void spoiledRostersSucceedExactlyOrFailCleanly(
      @ForAll("rosters") List<RosterRow> rows,
      @ForAll Corruption corruption,
      @ForAll("positions") int position,
      @ForAll("garbage") byte[] garbage) {
    BookId code = newGroup(false);
    StringBuilder csv = new StringBuilder(ROSTER_HEADER).append('\n');
    rows.forEach(row -> csv.append(row.csv()).append('\n'));
    byte[] bytes = Fuzz.corrupt(csv.toString(), corruption, position, garbage);
    Path file = write(bytes);
    List<String> before = snapshot(code);
    try {
      ImportResult result = RosterImport.run(store.engine(), code, file, LIMITS, false);
      Statistics.label("outcome").collect("imported");
      assertNotEquals(Corruption.FAR_DATE, corruption, "a far date is never imported");
      assertRosterIsTheFile(code, bytes, result);
      List<String> once = snapshot(code);
      assertEquals(List.of(), RosterImport.run(store.engine(), code, file, LIMITS, false).recorded());
      assertEquals(once, snapshot(code));
    } catch (ImportException e) {
      Statistics.label("outcome").collect(corruption == Corruption.FAR_DATE ? "refused: far date" : "refused");
      assertClear(e, file, bytes);
      for (RosterRow row : rows) {
        if (!row.account().isEmpty()) {
          assertFalse(e.getMessage().contains(row.account().substring(0, 7)), "no account number in " + e.getMessage());
        }
      }
      assertEquals(before, snapshot(code), "a refused file leaves the store as it was");
    }
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("imported").count(count -> count > 5);
      coverage.check("refused").count(count -> count > 5);
      coverage.check("refused: far date").count(count -> count >= 1);
    });
  }

  /** The group's members are exactly the file's rows, each account masked to its last four digits. */
  private static void assertRosterIsTheFile(BookId code, byte[] bytes, ImportResult result) {
    List<CSVRecord> records = records(bytes).stream().filter(r -> !Totals.blank(r)).toList();
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < records.get(0).size(); i++) {
      columns.put(records.get(0).get(i).strip().toLowerCase(Locale.ROOT), i);
    }
    List<CSVRecord> data = records.subList(1, records.size());
    assertEquals(data.size(), result.rows());
    assertEquals(data.size(), store.registry().members(code).size());
    for (CSVRecord record : data) {
      Member member = store.registry().member(code, MemberId.of(Totals.cell(record, columns, "member"))).orElseThrow();
      assertEquals(Totals.cell(record, columns, "name"), member.name());
      assertEquals(Totals.cell(record, columns, "category").toUpperCase(Locale.ROOT), member.category().name());
      assertEquals(Totals.date(Totals.cell(record, columns, "joined")), member.joined());
      String account = Totals.cell(record, columns, "bank_account");
      if (account.isEmpty()) {
        assertTrue(member.bankAccount().isEmpty());
      } else {
        String masked = member.bankAccount().orElseThrow().maskedNumber();
        assertTrue(masked.endsWith(account.substring(account.length() - 4)), masked);
        assertFalse(masked.contains(account.substring(0, account.length() - 4)), masked);
      }
    }
  }
}
