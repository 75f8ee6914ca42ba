package org.shgledger.importing.passbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shgledger.importing.passbook.Books.GROUP;
import static org.shgledger.importing.passbook.Books.INR;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeTry;
import net.jqwik.api.statistics.Statistics;
import org.joda.money.Money;
import org.shgledger.group.Chart;
import org.shgledger.group.UnitOfWork;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblem;
import org.shgledger.journal.Account;
import org.shgledger.journal.AccountCode;
import org.shgledger.journal.EntryId;
import org.shgledger.journal.InMemoryJournal;
import org.shgledger.journal.Journal;
import org.shgledger.journal.JournalEntry;
import org.shgledger.money.MoneyFormats;

/**
 * Properties of the passbook import over generated passbooks: the bank ends at the file's last
 * balance, importing is idempotent, overlapping parts in any order equal the whole, and corrupted
 * files end in exact success or an {@link ImportException} with nothing written.
 */
class PassbookProperties {

  /** Narrations whose accounts have no balance limit, so any generated line can be recorded. */
  private static final List<String> NARRATIONS =
      List.of("SB INTEREST", "SMS CHARGES", "NEFT ASHA TRADERS", "GRANT RF", "UPI/1234/ASHA, SHOP");

  private static final String HEADER = "Date,Narration,Withdrawal,Deposit,Balance\n";

  /** One generated line before balances: days after the previous line, direction, amount. */
  record Step(int days, boolean deposit, long amountMinor, int narration, boolean grouped) {}

  /** A rendered line. */
  record Line(LocalDate date, String narration, long withdrawalMinor, long depositMinor,
      long balanceMinor, boolean grouped) {}

  private Journal journal;
  private PassbookImporter importer;

  @BeforeTry
  void freshBook() {
    journal = Books.prepare(new InMemoryJournal());
    importer = new PassbookImporter(Books.engine(journal, UnitOfWork.immediate()));
  }

  @Provide
  Arbitrary<List<Line>> passbooks() {
    return passbooks(NARRATIONS);
  }

  /** Passbooks of 1 to 30 lines over a few weeks, their narrations among those given. */
  static Arbitrary<List<Line>> passbooks(List<String> narrations) {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(true, true, false),
                Arbitraries.oneOf(Arbitraries.longs().between(1, 2_000), Arbitraries.longs().between(1, 20_000_000)),
                Arbitraries.integers().between(0, narrations.size() - 1),
                Arbitraries.of(true, false))
            .as(Step::new);
    return step.list().ofMinSize(1).ofMaxSize(30).map(steps -> lines(steps, narrations));
  }

  static List<Line> lines(List<Step> steps, List<String> narrations) {
    List<Line> lines = new ArrayList<>();
    LocalDate date = LocalDate.of(2025, 4, 1);
    long balance = 0;
    for (Step step : steps) {
      date = date.plusDays(step.days());
      boolean deposit = step.deposit() || step.amountMinor() > balance;
      balance += deposit ? step.amountMinor() : -step.amountMinor();
      lines.add(new Line(date, narrations.get(step.narration()), deposit ? 0 : step.amountMinor(),
          deposit ? step.amountMinor() : 0, balance, step.grouped()));
    }
    return lines;
  }

  /** The lines listed newest first, as some bank portals export them. */
  static String csv(List<Line> lines, boolean newestFirst) {
    if (!newestFirst) {
      return csv(lines);
    }
    List<Line> reversed = new ArrayList<>(lines);
    java.util.Collections.reverse(reversed);
    return csv(reversed);
  }

  static String csv(List<Line> lines) {
    StringBuilder out = new StringBuilder(HEADER);
    for (Line line : lines) {
      out.append(String.format("%02d/%02d/%04d", line.date().getDayOfMonth(),
              line.date().getMonthValue(), line.date().getYear()))
          .append(",\"").append(line.narration()).append("\",")
          .append(line.withdrawalMinor() == 0 ? "" : amount(line.withdrawalMinor(), line.grouped()))
          .append(',')
          .append(line.depositMinor() == 0 ? "" : amount(line.depositMinor(), line.grouped()))
          .append(',').append(amount(line.balanceMinor(), line.grouped())).append('\n');
    }
    return out.toString();
  }

  private static String amount(long minor, boolean grouped) {
    Money money = Money.ofMinor(INR, minor);
    return grouped ? "\"" + MoneyFormats.indian(money) + "\"" : MoneyFormats.plain(money);
  }

  private static Supplier<InputStream> source(String text) {
    return source(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Supplier<InputStream> source(byte[] bytes) {
    return () -> new ByteArrayInputStream(bytes);
  }

  private PassbookImportReport run(String name, String text) {
    return importer.importSource(GROUP, name, source(text), PassbookImporter.Options.defaults());
  }

  private Map<AccountCode, Money> balances(Journal of) {
    Map<AccountCode, Money> balances = new TreeMap<>();
    for (Account account : of.accounts(GROUP)) {
      balances.put(account.code(), of.balance(GROUP, account.code(), LocalDate.MAX).net());
    }
    return balances;
  }

  private static Set<EntryId> ids(Journal of) {
    return of.entries(GROUP).stream().map(JournalEntry::id).collect(Collectors.toSet());
  }

  @Property(tries = 60)
  void theBankEndsAtTheLastBalanceAndImportingTwiceEqualsOnce(
      @ForAll("passbooks") List<Line> lines, @ForAll boolean newestFirst) {
    // listed newest first, a one-day statement that reconciles either way is read as listed in an
    // empty book (newestFirstEqualsOldestFirst): its first line may then overdraw the bank
    Assume.that(!(newestFirst && fitsBothOrders(lines)));
    String text = csv(lines, newestFirst);
    PassbookImportReport first = run("p.csv", text);
    Money last = Money.ofMinor(INR, lines.get(lines.size() - 1).balanceMinor());
    assertEquals(last, journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net());
    assertEquals(lines.size(), first.recorded());
    Map<AccountCode, Money> once = balances(journal);
    int entries = journal.entries(GROUP).size();

    PassbookImportReport second = run("p.csv", text);
    assertEquals(0, second.recorded());
    assertEquals(lines.size(), second.alreadyRecorded());
    assertEquals(once, balances(journal));
    assertEquals(entries, journal.entries(GROUP).size());
  }

  /** Listed newest first, a statement gives exactly the entries it gives listed oldest first. */
  @Property(tries = 60)
  void newestFirstEqualsOldestFirst(@ForAll("passbooks") List<Line> lines) {
    // A statement of one day whose lines reconcile read either way (a deposit and its reversal)
    // has no order to find in an empty book: it is read as listed (PassbookImporterTest).
    Assume.that(!fitsBothOrders(lines));
    PassbookImportReport newest = run("newest.csv", csv(lines, true));
    Journal oldest = Books.prepare(new InMemoryJournal());
    PassbookImportReport report = new PassbookImporter(Books.engine(oldest, UnitOfWork.immediate()))
        .importSource(GROUP, "oldest.csv", source(csv(lines)), PassbookImporter.Options.defaults());
    assertEquals(ids(oldest), ids(journal));
    assertEquals(balances(oldest), balances(journal));
    assertEquals(report.openingBalance(), newest.openingBalance());
    assertEquals(report.closingBalance(), newest.closingBalance());
    assertEquals(report.firstDate(), newest.firstDate());
    assertEquals(report.lastDate(), newest.lastDate());
  }

  /** Whether the lines are all of one day and also reconcile listed the other way round. */
  static boolean fitsBothOrders(List<Line> lines) {
    if (lines.size() < 2 || lines.stream().map(Line::date).distinct().count() > 1) {
      return false;
    }
    for (int i = lines.size() - 2; i >= 0; i--) {
      Line before = lines.get(i + 1);
      Line line = lines.get(i);
      if (line.balanceMinor() != before.balanceMinor() + line.depositMinor() - line.withdrawalMinor()) {
        return false;
      }
    }
    return true;
  }

  @Property(tries = 60)
  void overlappingPartsInAnyOrderEqualTheWhole(
      @ForAll("passbooks") List<Line> lines,
      @ForAll("cuts") List<Integer> cuts,
      @ForAll boolean laterPartFirst,
      @ForAll boolean aNewestFirst,
      @ForAll boolean bNewestFirst) {
    int n = lines.size();
    int start = Math.min(cuts.get(0), n);
    int end = Math.max(start, Math.min(cuts.get(1), n));
    // part A is lines [0, end), part B is [start, n): they overlap on [start, end); either may
    // be listed newest first
    String a = csv(lines.subList(0, end), aNewestFirst);
    String b = csv(lines.subList(start, n), bNewestFirst);
    // Into a book without the earlier lines, the later part may be refused (the bank would go
    // below zero); a refused part changes nothing and is imported again after the other.
    List<String[]> order =
        laterPartFirst ? List.of(new String[] {"b.csv", b}, new String[] {"a.csv", a})
            : List.of(new String[] {"a.csv", a}, new String[] {"b.csv", b});
    List<String[]> refused = new ArrayList<>();
    for (String[] part : order) {
      int entries = journal.entries(GROUP).size();
      try {
        run(part[0], part[1]);
      } catch (ImportException e) {
        assertEquals(entries, journal.entries(GROUP).size());
        refused.add(part);
      }
    }
    for (String[] part : refused) {
      run(part[0], part[1]);
    }
    Journal whole = Books.prepare(new InMemoryJournal());
    new PassbookImporter(Books.engine(whole, UnitOfWork.immediate()))
        .importSource(GROUP, "whole.csv", source(csv(lines)), PassbookImporter.Options.defaults());
    assertEquals(ids(whole), ids(journal));
    assertEquals(balances(whole), balances(journal));
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 31).list().ofSize(2).map(l -> l.stream().sorted().toList());
  }

  /** A way to spoil a file. */
  enum Corruption {
    TRUNCATE_LINE, DROP_FIELD, EXTRA_FIELD, BAD_DATE, BAD_NUMBER, STRAY_QUOTE, BOM_IN_MIDDLE,
    HUGE_FIELD, BINARY_GARBAGE, NOT_UTF8, SWAP_LINES, CUT_FILE, THREE_DECIMALS
  }

  // Random cases rather than the combinations of edge cases of five parameters, which alone
  // would use up the tries.
  @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
  void corruptedFilesSucceedExactlyOrFailCleanly(
      @ForAll("passbooks") List<Line> lines,
      @ForAll Corruption corruption,
      @ForAll("positions") int position,
      @ForAll("garbage") byte[] garbage,
      @ForAll boolean newestFirst) {
    byte[] spoiled = corrupt(csv(lines, newestFirst), corruption, position, garbage);
    int entriesBefore = journal.entries(GROUP).size();
    Map<AccountCode, Money> balancesBefore = balances(journal);
    ImportLimits limits = new ImportLimits(1_000_000, 10_000, 300, 2_000, 50);
    try {
      PassbookImportReport report =
          importer.importSource(GROUP, "f.csv", source(spoiled),
              PassbookImporter.Options.defaults().withLimits(limits));
      Money bank = journal.balance(GROUP, Chart.BANK, LocalDate.MAX).net();
      assertEquals(report.closingBalance().minus(report.openingBalance()), bank);
      assertEquals(entriesBefore + report.recorded(), journal.entries(GROUP).size());
      Statistics.label("outcome").collect("imported");
    } catch (ImportException e) {
      Statistics.label("outcome").collect("refused");
      assertTrue(!e.problems().isEmpty());
      for (ImportProblem problem : e.problems()) {
        assertEquals("f.csv", problem.file());
        assertTrue(problem.toString().startsWith("f.csv:" + problem.line() + ":" + problem.column() + ": "));
      }
      assertEquals(entriesBefore, journal.entries(GROUP).size());
      assertEquals(balancesBefore, balances(journal));
    }
    // So that the property cannot pass by refusing everything, nor by accepting everything.
    Statistics.label("outcome").coverage(coverage -> {
      coverage.check("imported").count(count -> count > 0);
      coverage.check("refused").count(count -> count > 0);
    });
  }

  @Provide
  Arbitrary<Integer> positions() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<byte[]> garbage() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(40);
  }

  static byte[] corrupt(String text, Corruption corruption, int position, byte[] garbage) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int last = Math.max(1, lines.size() - 2); // the last element is the empty tail
    int index = 1 + position % last;
    String line = lines.get(index);
    switch (corruption) {
      case TRUNCATE_LINE -> lines.set(index, line.substring(0, position % (line.length() + 1)));
      case DROP_FIELD -> lines.set(index, line.substring(0, Math.max(0, line.lastIndexOf(','))));
      case EXTRA_FIELD -> lines.set(index, line + ",99");
      case BAD_DATE -> lines.set(index, "3" + line.substring(1).replaceFirst("/\\d\\d/", "/13/"));
      case BAD_NUMBER -> lines.set(index, line.replaceFirst(",(\\d)", ",x$1"));
      case STRAY_QUOTE -> {
        int at = position % (line.length() + 1);
        lines.set(index, line.substring(0, at) + "\"" + line.substring(at));
      }
      case BOM_IN_MIDDLE -> lines.set(index, "\uFEFF" + line);
      case HUGE_FIELD -> lines.set(index, line.replaceFirst(",\"", ",\"" + "A".repeat(500 + position)));
      case SWAP_LINES -> {
        int other = 1 + (position / 7) % last;
        lines.set(index, lines.get(other));
        lines.set(other, line);
      }
      case CUT_FILE -> {
        String joined = String.join("\n", lines);
        return joined.substring(0, position % (joined.length() + 1)).getBytes(StandardCharsets.UTF_8);
      }
      case THREE_DECIMALS -> lines.set(index, line.replaceFirst("\\.(\\d\\d)", ".$15"));
      case BINARY_GARBAGE, NOT_UTF8 -> {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = position % (bytes.length + 1);
        out.write(bytes, 0, at);
        if (corruption == Corruption.NOT_UTF8) {
          out.write(0xC3);
          out.write(0x28);
        } else {
          out.writeBytes(garbage);
        }
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
      }
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }
}
