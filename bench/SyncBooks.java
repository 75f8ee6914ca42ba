import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.Group;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.register.MeetingImport;
import org.shgledger.importing.register.RegisterLimits;
import org.shgledger.importing.register.RosterImport;
import org.shgledger.journal.BookId;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.sample.BankLayout;
import org.shgledger.sample.SampleGroup;
import org.shgledger.store.LedgerStore;

/**
 * The server's books for {@code bench/sync} (issue 19 goal 5; docs/performance.md, "Sync"):
 *
 * <pre>
 * java -cp ledger-cli/target/shg.jar bench/SyncBooks.java prepare URL GROUPS DIR
 * </pre>
 *
 * <p>(A single-file program run from its source against the program's own jar, so that it needs
 * neither ledger-bench's JMH build nor a copy of the importers.)
 *
 * <p>Writes into DIR the files of GROUPS + 1 made-up groups of 15 members and one year of monthly
 * meetings ({@code shg generate}'s generator: {@code members.csv}, {@code meetings.csv}; no
 * passbook, no grant, no bank loan, so that the register alone balances), and builds on the books
 * at URL, through the engine and the importers the command line uses, the first GROUPS groups with
 * their members and their year of meetings (a unit to clone), and the last with its members only:
 * the group whose year a field copy records offline ({@code shg import meetings}) and pushes. It
 * prints {@code groups=G entries=E push_group=CODE push_register=FILE}.
 */
final class SyncBooks {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final LocalDate FORMED = LocalDate.of(2025, 1, 1);
  private static final int MEMBERS = 15;

  private SyncBooks() {}

  /**
   * Runs the command.
   *
   * @param args {@code prepare URL GROUPS DIR}
   */
  public static void main(String[] args) {
    if (args.length != 4 || !args[0].equals("prepare")) {
      System.err.println("usage: SyncBooks prepare URL GROUPS DIR");
      System.exit(2);
    }
    int groups = Integer.parseInt(args[2]);
    Path dir = Path.of(args[3]);
    long entries = 0;
    String pushGroup = null;
    Path pushRegister = null;
    try (LedgerStore store = LedgerStore.open(args[1])) {
      SavingsGroups engine = store.engine();
      for (int n = 1; n <= groups + 1; n++) {
        String code = String.format("SYN%04d", n);
        SampleGroup.Spec spec = new SampleGroup.Spec(code, "Sync Group " + n, FORMED, MEMBERS, 1, 7_000L + n,
            BankLayout.GENERIC, false, false, 0);
        Path folder = dir.resolve(code.toLowerCase(java.util.Locale.ROOT));
        SampleGroup.generate(spec).writeTo(folder);
        BookId book = BookId.of(code);
        engine.createGroup(new Group(book, spec.name(), INR, FORMED, MeetingFrequency.MONTHLY, Money.ofMajor(INR, 100),
            RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
            LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 10)));
        RosterImport.run(engine, book, folder.resolve("members.csv"), RegisterLimits.DEFAULT, false);
        if (n <= groups) {
          MeetingImport.run(engine, book, folder.resolve("meetings.csv"), RegisterLimits.DEFAULT, false);
          entries += store.journal().entries(book).size();
        } else {
          pushGroup = code;
          pushRegister = folder.resolve("meetings.csv");
        }
      }
    }
    System.out.println("groups=" + groups + " entries=" + entries + " push_group=" + pushGroup + " push_register="
        + pushRegister.toAbsolutePath());
  }
}
