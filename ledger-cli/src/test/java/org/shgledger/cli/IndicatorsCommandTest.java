package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shgledger.group.Channel;
import org.shgledger.group.Group;
import org.shgledger.group.GroupOperation;
import org.shgledger.group.LoanDefaults;
import org.shgledger.group.LoanId;
import org.shgledger.group.MeetingFrequency;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.group.SavingsKind;
import org.shgledger.journal.BookId;
import org.shgledger.journal.EntryId;
import org.shgledger.loan.Frequency;
import org.shgledger.loan.InterestRate;
import org.shgledger.loan.LoanTerms;
import org.shgledger.loan.RepaymentMethod;
import org.shgledger.money.RoundingPolicy;
import org.shgledger.programme.ChildKey;
import org.shgledger.programme.LoanPurpose;
import org.shgledger.programme.Programme;
import org.shgledger.programme.SchoolStatus;
import org.shgledger.programme.SchoolStatusChange;
import org.shgledger.programme.Training;
import org.shgledger.programme.TrainingId;
import org.shgledger.programme.TrainingTopic;
import org.shgledger.store.LedgerStore;

/**
 * {@code shg indicators} over three groups built through the engine and the registers, with
 * counts known by construction; and the privacy rule: no output, in any format or language, holds
 * a member's name, id or account number.
 *
 * <p>The unit, on 30 June 2025:
 *
 * <pre>
 * group  adults  adolescents  bank accounts  saving Apr-Jun  loans (purpose)            children
 * SHG01  10      2            6              10 (2 skip May) 4 (3 livelihood, 1 health) 5 enrolled, 2 dropped out
 * SHG02  7       3            1              10              2 (livelihood, none)       3 bridge course
 * SHG03  5       0            0              3               0                          0
 * </pre>
 *
 * <p>Loans are 1,000 flat 2 %/month in 5 instalments of 220 from 10 October 2024; SHG01's first
 * two are repaid in full, the rest paid nothing. Training: 6 of SHG01 in orientation, 2 of SHG02
 * in human-rights.
 */
class IndicatorsCommandTest {

  private static final CurrencyUnit INR = CurrencyUnit.of("INR");
  private static final LocalDate FORMED = LocalDate.of(2024, 4, 1);
  private static final LocalDate LENT = LocalDate.of(2024, 10, 10);
  private static final String[] NAMES = {"Sunita Devi", "Rekha Kumari", "Pooja Yadav", "Anjali Paswan",
      "Kavita Manjhi", "Meena Ram", "Savitri Bind", "Lalita Mallah", "Radha Nishad", "Geeta Sahni", "Shabnam Khatoon",
      "Rukhsana Parveen", "सीता कुमारी", "Parvati Dom", "Kamla Turi", "Bimla Bhuiyan", "Phoolmati Musahar",
      "Chanda Rajak", "Malti Dhobi", "Sarita Chamar", "Usha Pasi", "Babita Kahar", "Nirmala Chaupal",
      "Jyoti Mochi", "Kiran Bhar", "Sushila Lohar", "Manju Kurmi"};

  @TempDir static Path directory;
  private static Path db;
  private static final Set<String> NAMES_USED = new HashSet<>();
  private static final Set<String> ACCOUNT_NUMBERS = new HashSet<>();

  @BeforeAll
  static void buildTheUnit() {
    db = directory.resolve("unit.db");
    try (LedgerStore store = LedgerStore.openSqlite(db)) {
      SavingsGroups groups = store.engine();
      Programme programme = new Programme(groups, store.programme());
      int[] next = {0};
      group(groups, programme, "SHG01", 10, 2, 6, 2, next);
      group(groups, programme, "SHG02", 7, 3, 1, 0, next);
      group(groups, programme, "SHG03", 5, 0, 0, 0, next);
      BookId shg01 = BookId.of("SHG01");
      BookId shg02 = BookId.of("SHG02");
      for (int m = 1; m <= 4; m++) {
        lend(groups, shg01, m, m <= 2 ? 5 : 0);
        programme.setLoanPurpose(shg01, loan(m), m == 4 ? LoanPurpose.HEALTH : LoanPurpose.LIVELIHOOD);
      }
      lend(groups, shg02, 1, 0);
      lend(groups, shg02, 2, 0);
      programme.setLoanPurpose(shg02, loan(1), LoanPurpose.LIVELIHOOD);
      for (int c = 1; c <= 7; c++) {
        programme.registerChild(shg01, ChildKey.of("C" + c), member(c), 2015,
            new SchoolStatusChange(LocalDate.of(2025, 1, 10), c <= 5 ? SchoolStatus.ENROLLED : SchoolStatus.DROPPED_OUT));
      }
      for (int c = 1; c <= 3; c++) {
        programme.registerChild(shg02, ChildKey.of("C" + c), member(c), 2013,
            new SchoolStatusChange(LocalDate.of(2025, 2, 1), SchoolStatus.BRIDGE_COURSE));
      }
      programme.recordTraining(shg01, new Training(TrainingId.of("T1"), TrainingTopic.of("orientation"),
          LocalDate.of(2025, 3, 1), List.of(member(1), member(2), member(3), member(4), member(5), member(11))));
      programme.recordTraining(shg02, new Training(TrainingId.of("T1"), TrainingTopic.of("human-rights"),
          LocalDate.of(2025, 3, 1), List.of(member(1), member(9))));
    }
  }

  private static void group(SavingsGroups groups, Programme programme, String code, int adults, int adolescents,
      int accounts, int skippingMay, int[] next) {
    BookId book = BookId.of(code);
    groups.createGroup(new Group(book, "Samooh " + code, INR, FORMED, MeetingFrequency.MONTHLY, inr(100),
        RoundingPolicy.wholeUnits(RoundingMode.HALF_UP), Month.APRIL,
        LoanDefaults.scheduled(InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5)));
    groups.record(book, EntryId.of("GRANT"), FORMED, new GroupOperation.ReceiveGrant(inr(20_000), Channel.CASH));
    for (int m = 1; m <= adults + adolescents; m++) {
      String name = NAMES[next[0]++];
      NAMES_USED.add(name);
      groups.addMember(book, Member.joining(member(m), name,
          m <= adults ? MemberCategory.ADULT_WOMAN : MemberCategory.ADOLESCENT_GIRL, FORMED));
      if (m <= accounts) {
        String number = "3456789" + code.substring(3) + String.format("%02d", m);
        ACCOUNT_NUMBERS.add(number);
        ACCOUNT_NUMBERS.add("X".repeat(number.length() - 4) + number.substring(number.length() - 4));
        groups.setBankAccount(book, member(m), MemberBankAccount.of("State Bank of India", "SBIN0001234", number, FORMED));
      }
      for (LocalDate meeting : List.of(LocalDate.of(2025, 4, 5), LocalDate.of(2025, 5, 5), LocalDate.of(2025, 6, 5))) {
        boolean skips = m <= skippingMay && meeting.getMonth() == Month.MAY;
        boolean irregularGroup = code.equals("SHG03") && m > 3 && meeting.getMonth() == Month.APRIL;
        if (!skips && !irregularGroup) {
          groups.record(book, EntryId.of("S-" + meeting + "-" + m), meeting,
              new GroupOperation.Save(member(m), SavingsKind.COMPULSORY, inr(100), Channel.CASH));
        }
      }
    }
  }

  private static void lend(SavingsGroups groups, BookId book, int m, int instalmentsPaid) {
    groups.disburseLoan(book, EntryId.of("LD" + m), loan(m), member(m),
        LoanTerms.of(inr(1_000), InterestRate.perMonth(BigDecimal.valueOf(2)), RepaymentMethod.FLAT, 5, Frequency.MONTHLY,
            LENT),
        Channel.CASH);
    for (int i = 1; i <= instalmentsPaid; i++) {
      groups.repayLoan(book, EntryId.of("LP" + m + "-" + i), loan(m), LENT.plusMonths(i), inr(220), Channel.CASH);
    }
  }

  private static MemberId member(int m) {
    return MemberId.of(String.format("M%02d", m));
  }

  private static LoanId loan(int m) {
    return LoanId.of("L" + m);
  }

  private static Money inr(long amount) {
    return Money.of(INR, amount);
  }

  private static Run indicators(String... more) {
    List<String> args = new ArrayList<>(List.of("indicators", "--groups", "SHG01,SHG02,SHG03", "--as-of", "2025-06-30",
        "--db", db.toString()));
    args.addAll(List.of(more));
    return Run.shg(args.toArray(String[]::new));
  }

  @Test
  void aUnitGivesTheGroupsUnderIt() {
    // a federation over a cluster: the unit's own groups and those of the units under it count
    assertEquals(ExitCodes.OK, Run.shg("unit", "create", "FED", "--name", "Federation", "--db", db.toString()).exitCode());
    assertEquals(ExitCodes.OK, Run.shg("unit", "create", "CL1", "--name", "Cluster", "--parent", "FED",
        "--db", db.toString()).exitCode());
    Run added = Run.shg("unit", "add-group", "CL1", "SHG01", "--db", db.toString());
    assertEquals(ExitCodes.OK, added.exitCode(), added.err());
    assertEquals(ExitCodes.OK, Run.shg("unit", "add-group", "CL1", "SHG02", "--db", db.toString()).exitCode());
    assertEquals(ExitCodes.OK, Run.shg("unit", "add-group", "FED", "SHG03", "--db", db.toString()).exitCode());

    Run byUnit = Run.shg("indicators", "FED", "--as-of", "2025-06-30", "--format", "csv", "--db", db.toString());
    Run byGroups = indicators("--format", "csv");

    assertEquals(ExitCodes.OK, byUnit.exitCode(), byUnit.err());
    assertEquals(byGroups.out(), byUnit.out());
    assertEquals(ExitCodes.NOT_FOUND,
        Run.shg("indicators", "NOPE", "--as-of", "2025-06-30", "--db", db.toString()).exitCode());
    assertEquals(ExitCodes.USAGE,
        Run.shg("indicators", "FED", "--groups", "SHG01", "--db", db.toString()).exitCode(), "a unit or groups, not both");
    assertEquals(ExitCodes.USAGE, Run.shg("indicators", "--db", db.toString()).exitCode(), "a unit or groups");
  }

  @Test
  void theUnitsExactCountsForTheNgosOwnUse() {
    Run run = indicators("--suppress-below", "1", "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String csv = run.out();
    assertTrue(csv.startsWith("label,value,target,percent_of_target,indicator\r\n"), csv);
    assertTrue(csv.contains("Groups registered,3,,,groups\r\n"), csv);
    assertTrue(csv.contains("Members (women and girls),27,,,members\r\n"), csv);
    assertTrue(csv.contains("adult women,22,,,members_adult\r\n"), csv);
    assertTrue(csv.contains("adolescent girls,5,,,members_adolescent\r\n"), csv);
    assertTrue(csv.contains("Members with their own bank account,7,,,members_with_bank_account\r\n"), csv);
    // all but SHG01's 2 who skipped May and SHG03's 2 who skipped April
    assertTrue(csv.contains("Members who saved in each of the last 3 months,23,,,members_saving_monthly\r\n"), csv);
    assertTrue(csv.contains("Loans given to members,6,,,loans_disbursed\r\n"), csv);
    assertTrue(csv.contains("for livelihood,4,,,loans_livelihood\r\n"), csv);
    assertTrue(csv.contains("for health,1,,,loans_health\r\n"), csv);
    assertTrue(csv.contains("purpose not recorded,1,,,loans_no_purpose\r\n"), csv);
    assertTrue(csv.contains("Loans fully repaid,2,,,loans_repaid\r\n"), csv);
    // collected 2 × 1,100 of 6 × 1,100 due
    assertTrue(csv.contains("\"Repayment rate, % of the amount due (INR)\",33.33,,,repayment_rate\r\n"), csv);
    assertTrue(csv.contains("Children followed,10,,,children\r\n"), csv);
    assertTrue(csv.contains("enrolled in school,5,,,children_enrolled\r\n"), csv);
    assertTrue(csv.contains("in a bridge course,3,,,children_bridge_course\r\n"), csv);
    assertTrue(csv.contains("dropped out,2,,,children_dropped_out\r\n"), csv);
    assertTrue(csv.contains("People trained,8,,,trained\r\n"), csv);
    assertTrue(csv.contains("Trained in orientation,6,,,training.orientation\r\n"), csv);
    assertTrue(csv.contains("Trained in human-rights,2,,,training.human-rights\r\n"), csv);
    assertTrue(csv.contains("Amount lent,INR,6000.00,,,amount_lent\r\n"), csv);
    assertTrue(csv.contains("Principal repaid,INR,2000.00,,,principal_repaid\r\n"), csv);
    assertTrue(csv.contains("Lent for livelihood,INR,4000.00,,,amount_lent_livelihood\r\n"), csv);
    assertTrue(csv.contains("\r\ngroup\r\nSHG01\r\nSHG02\r\nSHG03\r\n"), csv);
  }

  /**
   * The seed programme's commitment (--targets commitment): five years from the day the first group
   * was formed, 1 April 2024, to 31 March 2029. On 30 June 2025, 1,370 days remain (3.7 years); the
   * pace a year is what is left × 365.25 ÷ 1,370, rounded up: members 2,973 left, 793 a year.
   */
  @Test
  void theCommitmentsTargetsAndThePaceTheyNeed() {
    Run run = indicators("--suppress-below", "1", "--targets", "commitment", "--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String csv = run.out();
    assertTrue(csv.contains("Groups registered,3,200,1.5,groups\r\n"), csv);
    assertTrue(csv.contains("Members (women and girls),27,3000,0.9,members\r\n"), csv);
    assertTrue(csv.contains("\r\nlabel,value,target,needed_per_year,indicator\r\n"), csv);
    assertTrue(csv.contains("Groups registered,3,200,53,groups\r\n"), csv);
    assertTrue(csv.contains("Members (women and girls),27,3000,793,members\r\n"), csv);
    assertTrue(csv.contains("adolescent girls,5,1000,266,members_adolescent\r\n"), csv);
    assertTrue(csv.contains("Trained in child-enrolment,0,2000,534,training.child-enrolment\r\n"), csv);
    assertTrue(csv.contains("Trained in human-rights,2,3000,800,training.human-rights\r\n"), csv);

    String json = indicators("--targets", "commitment", "--format", "json").out();
    assertTrue(json.contains("\"commitment_start\" : \"2024-04-01\""), json);
    assertTrue(json.contains("\"commitment_end\" : \"2029-03-31\""), json);
    assertTrue(json.contains("\"remaining_years\" : 3.7"), json);
    // for donors, a withheld count's pace is withheld with it: with the target it would give it away
    assertTrue(json.replaceAll("\\s", "").contains("\"value\":\"<5\",\"target\":3000,\"needed_per_year\":\"<5\""),
        json);
  }

  /**
   * For donors, by default: the 5 adolescents stand. The loans (4 livelihood, 1 health, 1
   * without a purpose) are all small, so their total goes too. 3 in a bridge course and 2 dropped
   * out take the 5 enrolled with them. 2 adolescents trained: withholding the 6 adults would still
   * leave "at most 3", so the total of 8 goes instead.
   */
  @Test
  void smallCountsAreWithheldForDonors() {
    Run run = indicators("--format", "csv");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String csv = run.out();
    assertTrue(csv.contains("adolescent girls,5,,,members_adolescent\r\n"), csv);
    assertTrue(csv.contains("Loans given to members,x,,,loans_disbursed\r\n"), csv);
    assertTrue(csv.contains("for livelihood,<5,,,loans_livelihood\r\n"), csv);
    assertTrue(csv.contains("for education,0,,,loans_education\r\n"), csv);
    assertTrue(csv.contains("for health,<5,,,loans_health\r\n"), csv);
    assertTrue(csv.contains("purpose not recorded,<5,,,loans_no_purpose\r\n"), csv);
    assertTrue(csv.contains("Loans fully repaid,<5,,,loans_repaid\r\n"), csv);
    assertTrue(csv.contains("Children followed,10,,,children\r\n"), csv);
    assertTrue(csv.contains("enrolled in school,x,,,children_enrolled\r\n"), csv);
    assertTrue(csv.contains("in a bridge course,<5,,,children_bridge_course\r\n"), csv);
    assertTrue(csv.contains("dropped out,<5,,,children_dropped_out\r\n"), csv);
    assertTrue(csv.contains("People trained,x,,,trained\r\n"), csv);
    assertTrue(csv.contains("adult women,6,,,trained_adult\r\n"), csv);
    assertTrue(csv.contains("adolescent girls,<5,,,trained_adolescent\r\n"), csv);
    assertTrue(csv.contains("Trained in human-rights,<5,,,training.human-rights\r\n"), csv);
    assertTrue(csv.contains("Amount lent,INR,6000.00,,,amount_lent\r\n"), "amounts are not people: " + csv);

    Run text = indicators("--suppress-below", "10");
    assertTrue(text.out().contains("Counts of people withheld below: 10"), text.out());
    assertTrue(text.out().contains("<10: fewer than 10 people, withheld to protect them."), text.out());
  }

  @Test
  void targetsFromAFileAndTheirPercentages() throws IOException {
    Path targets = directory.resolve("targets.txt");
    Files.writeString(targets, "# the commitment\ngroups = 200\nmembers = 3,000\nchildren = 1000\n"
        + "amount_lent = 1,00,000\ntraining.legal-aid = 100\n", StandardCharsets.UTF_8);

    Run run = indicators("--targets", targets.toString(), "--format", "json");

    assertEquals(ExitCodes.OK, run.exitCode(), run.err());
    String json = run.out().replaceAll("\\s+", " ");
    assertTrue(json.contains("\"label\" : \"Groups registered\", \"value\" : 3, \"target\" : 200, "
        + "\"percent_of_target\" : 1.5, \"indicator\" : \"groups\""), json);
    assertTrue(json.contains("\"value\" : 27, \"target\" : 3000, \"percent_of_target\" : 0.9"), json);
    assertTrue(json.contains("\"value\" : 10, \"target\" : 1000, \"percent_of_target\" : 1.0"), json);
    assertTrue(json.contains("\"amount\" : \"6000.00\", \"target\" : \"100000.00\", \"percent_of_target\" : 6.0"), json);
    assertTrue(json.contains("\"label\" : \"Trained in legal-aid\", \"value\" : 0, \"target\" : 100"), json);
    assertTrue(json.contains("\"value\" : \"<5\""), json);
  }

  @Test
  void badTargetsAndOptionsAreNamed() throws IOException {
    Path targets = directory.resolve("bad-targets.txt");
    Files.writeString(targets, "groups = 200\nmembers: 3000\n", StandardCharsets.UTF_8);
    Run bad = indicators("--targets", targets.toString());
    assertEquals(ExitCodes.REJECTED, bad.exitCode());
    assertEquals("shg: rejected (INVALID_TARGET): " + targets + ":2: 'members: 3000' is not key = number, such as"
        + " members = 3000",
        bad.errLines()[0]);

    Path unknown = directory.resolve("unknown-targets.txt");
    Files.writeString(unknown, "womens = 3000\n", StandardCharsets.UTF_8);
    assertTrue(indicators("--targets", unknown.toString()).err().contains(":1: there is no indicator 'womens'"));

    assertEquals(ExitCodes.IO_ERROR, indicators("--targets", directory.resolve("none.txt").toString()).exitCode());
    assertEquals(ExitCodes.USAGE, indicators("--saving-months", "0").exitCode());
    assertEquals(ExitCodes.USAGE, indicators("--suppress-below", "0").exitCode());
    Run unknownGroup = Run.shg("indicators", "--groups", "SHG01,SHG09", "--db", db.toString());
    assertEquals(ExitCodes.NOT_FOUND, unknownGroup.exitCode(), unknownGroup.err());
  }

  /** The privacy rule of issue 7: no name, member id or account number in any indicator output. */
  @Test
  void noOutputHoldsANameAMemberIdOrAnAccountNumber() {
    assertEquals(27, NAMES_USED.size());
    Pattern memberId = Pattern.compile("(?<![A-Za-z0-9])M[0-9]{2}(?![0-9])");
    int outputs = 0;
    for (String format : List.of("text", "csv", "json", "html")) {
      for (String lang : List.of("en", "hi")) {
        for (String threshold : List.of("5", "1")) {
          Run run = indicators("--format", format, "--lang", lang, "--suppress-below", threshold);
          assertEquals(ExitCodes.OK, run.exitCode(), run.err());
          String out = run.out();
          assertTrue(out.contains("SHG01"), "the output is the report: " + out);
          for (String name : NAMES_USED) {
            assertFalse(out.contains(name), format + " " + lang + ": " + name);
            for (String word : name.split(" ")) {
              assertFalse(out.contains(word), format + " " + lang + ": " + word);
            }
          }
          for (String number : ACCOUNT_NUMBERS) {
            assertFalse(out.contains(number), format + " " + lang + ": " + number);
          }
          assertFalse(memberId.matcher(out).find(), format + " " + lang + ": a member id");
          outputs++;
        }
      }
    }
    assertEquals(16, outputs);
  }

  /** Member-level exports for auditors: ids and names become stable pseudonyms. */
  @Test
  void aPseudonymizedGeneralLedgerHasNoMemberIdOrName() throws IOException {
    Run plain = Run.shg("export", "SHG01", "--format", "gl-csv", "--db", db.toString());
    assertTrue(plain.out().contains("2000:M01"), "the plain export names the member's sub-ledger");

    Run first = Run.shg("export", "SHG01", "--format", "gl-csv", "--pseudonymize", "--db", db.toString());
    Run second = Run.shg("export", "SHG01", "--format", "gl-csv", "--pseudonymize", "--db", db.toString());

    assertEquals(ExitCodes.OK, first.exitCode(), first.err());
    assertEquals(first.out(), second.out(), "the database's secret gives the same pseudonyms every time");
    assertFalse(Pattern.compile("(?<![A-Za-z0-9])M[0-9]{2}(?![0-9])").matcher(first.out()).find(), first.out());
    assertTrue(Pattern.compile("2000:P-[0-9a-f]{12},").matcher(first.out()).find(), first.out());
    assertEquals(plain.out().lines().count(), first.out().lines().count(), "one row per posting still");

    Path secret = directory.resolve("secret.key");
    Files.write(secret, "the NGO's own secret, kept apart".getBytes(StandardCharsets.UTF_8));
    Run keyed = Run.shg("export", "SHG01", "--format", "gl-csv", "--pseudonymize", "--pseudonym-secret",
        secret.toString(), "--db", db.toString());
    assertEquals(ExitCodes.OK, keyed.exitCode(), keyed.err());
    assertNotEquals(first.out(), keyed.out(), "another secret, other pseudonyms");

    assertEquals(ExitCodes.USAGE, Run.shg("export", "SHG01", "--format", "hledger", "--pseudonymize", "--db",
        db.toString()).exitCode());
    Files.write(secret, new byte[8]);
    assertEquals(ExitCodes.IO_ERROR, Run.shg("export", "SHG01", "--format", "gl-csv", "--pseudonymize",
        "--pseudonym-secret", secret.toString(), "--db", db.toString()).exitCode());
  }

  /** A member's passbook and the members' trial balance, for auditors, carry pseudonyms too. */
  @Test
  void aPseudonymizedPassbookAndTrialBalanceHaveNoMemberId() {
    Pattern memberId = Pattern.compile("(?<![A-Za-z0-9])M[0-9]{2}(?![0-9])");
    Run passbook = Run.shg("passbook", "SHG01", "M01", "--pseudonymize", "--db", db.toString());
    assertEquals(ExitCodes.OK, passbook.exitCode(), passbook.err());
    assertFalse(memberId.matcher(passbook.out()).find(), passbook.out());
    assertTrue(passbook.out().contains("P-"), passbook.out());

    Run trial = Run.shg("trial-balance", "SHG01", "--members", "--pseudonymize", "--format", "csv",
        "--db", db.toString());
    assertEquals(ExitCodes.OK, trial.exitCode(), trial.err());
    assertFalse(memberId.matcher(trial.out()).find(), trial.out());
    assertTrue(Pattern.compile("\\n2000:P-[0-9a-f]{12},").matcher(trial.out()).find(), trial.out());
    Run plain = Run.shg("trial-balance", "SHG01", "--members", "--format", "csv", "--db", db.toString());
    assertEquals(plain.out().lines().count(), trial.out().lines().count(), "the same lines, renamed");

    assertEquals(ExitCodes.USAGE, Run.shg("passbook", "SHG01", "M01", "--pseudonymize", "--names",
        "--db", db.toString()).exitCode(), "names and pseudonyms contradict each other");
    assertEquals(ExitCodes.USAGE, Run.shg("trial-balance", "SHG01", "--pseudonym-secret", "x.key",
        "--db", db.toString()).exitCode(), "a secret without --pseudonymize");
  }
}
