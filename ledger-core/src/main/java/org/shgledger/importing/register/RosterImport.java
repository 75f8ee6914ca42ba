package org.shgledger.importing.register;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.group.Member;
import org.shgledger.group.MemberBankAccount;
import org.shgledger.group.MemberCategory;
import org.shgledger.group.MemberId;
import org.shgledger.group.SavingsGroups;
import org.shgledger.importing.CsvTable;
import org.shgledger.importing.ImportException;
import org.shgledger.importing.ImportLimits;
import org.shgledger.importing.ImportProblems;
import org.shgledger.journal.BookId;

/**
 * Imports a group's member roster: one member a row, header {@code
 * member,name,category,joined,bank_name,bank_ifsc,bank_account} (the bank columns optional, all
 * three or none on a row). Each member is added with {@link SavingsGroups#addMember}; a member
 * already recorded alike is left as she is, so the same roster can be imported again.
 *
 * <p>Account numbers are masked to their last four digits as they are read ({@link
 * MemberBankAccount#of}); the full number is kept nowhere and never appears in a message. The
 * account's opening date, which rosters do not carry, is taken as the member's joining date.
 *
 * <p>All or nothing: every row is checked first and every problem reported; then all members are
 * added in one unit of the engine, so a refusal by the books keeps none of them (docs/import.md).
 */
public final class RosterImport {

  /** The columns every roster has. */
  public static final List<String> REQUIRED = List.of("member", "name", "category", "joined");

  /** The bank columns, optional. */
  public static final List<String> OPTIONAL = List.of("bank_name", "bank_ifsc", "bank_account");

  private RosterImport() {}

  /**
   * Imports a roster file.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param file the CSV file, not null
   * @param limits the limits on the file, not null
   * @param dryRun true to check everything against the books and keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem with {@code file:line:column}; nothing recorded
   * @throws org.shgledger.group.GroupException if the group does not exist
   */
  public static ImportResult run(SavingsGroups groups, BookId code, Path file, ImportLimits limits, boolean dryRun) {
    try (CsvTable table = CsvTable.open(file, limits)) {
      return run(groups, code, table, limits, dryRun);
    }
  }

  /**
   * Imports a roster from an open table, which the caller closes.
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param table the file, positioned at its header, not null
   * @param limits the limits the table was opened with (for the number of problems), not null
   * @param dryRun true to check everything against the books and keep nothing
   * @return what was (or would be) recorded, not null
   * @throws ImportException listing every problem with {@code file:line:column}; nothing recorded
   */
  public static ImportResult run(SavingsGroups groups, BookId code, CsvTable table, ImportLimits limits, boolean dryRun) {
    return plan(groups, code, table, limits).run(groups, code, dryRun);
  }

  /**
   * Reads and checks a roster from an open table, which the caller closes, without adding anyone:
   * for a caller that adds the members inside one unit of its own before other files' operations
   * (the combined import). The members are the plan's undated operations ({@link
   * RegisterPlan#recordUndated}).
   *
   * @param groups the engine, not null
   * @param code the group, which must exist, not null
   * @param table the file, positioned at its header, not null
   * @param limits the limits the table was opened with (for the number of problems), not null
   * @return the members to add, not null
   * @throws ImportException listing every problem with {@code file:line:column}
   * @throws org.shgledger.group.GroupException if the group does not exist
   */
  public static RegisterPlan plan(SavingsGroups groups, BookId code, CsvTable table, ImportLimits limits) {
    Objects.requireNonNull(groups, "groups");
    Objects.requireNonNull(code, "code");
    groups.group(code);
    ImportProblems problems = new ImportProblems(limits.maxProblems());
    Sheet sheet = Sheet.read(table, REQUIRED, OPTIONAL, problems);
    Steps steps = new Steps();
    Map<MemberId, Long> seen = new HashMap<>();
    sheet.forEachRow(fields -> {
      Optional<Member> member = member(fields);
      if (member.isEmpty()) {
        return;
      }
      Member m = member.get();
      Long earlier = seen.putIfAbsent(m.id(), fields.row.line());
      if (earlier != null) {
        fields.add("member", "member " + m.id() + " is on line " + earlier + " already");
        return;
      }
      steps.add(fields.problem("member", "-"), "member " + m.id() + " (joined " + m.joined() + ")",
          () -> {
            Optional<Member> known = groups.registry().member(code, m.id());
            return !groups.addMember(code, m).equals(known.orElse(null));
          });
    });
    problems.throwIfAny();
    return RegisterPlan.undated(sheet.file, sheet.rows(), steps);
  }

  private static Optional<Member> member(Sheet.Fields fields) {
    Optional<MemberId> id = fields.required("member", "member id", MemberId::of);
    Optional<String> name = fields.required("name", "name", text -> {
      if (text.length() > 80) {
        throw new IllegalArgumentException("the name is " + text.length() + " characters long; at most 80");
      }
      org.shgledger.journal.PlainText.check("the name", text);
      return text;
    });
    Optional<MemberCategory> category = fields.required("category", "category", MemberCategory::parse);
    Optional<LocalDate> joined = fields.required("joined", "joining date", Sheet.DATES::parse);
    Optional<MemberBankAccount> account = Optional.empty();
    boolean anyBank = OPTIONAL.stream().anyMatch(column -> !fields.isBlank(column));
    if (anyBank) {
      for (String column : OPTIONAL) {
        if (fields.isBlank(column)) {
          fields.add(column, "the " + column.replace('_', ' ')
              + " is missing: give bank_name, bank_ifsc and bank_account together, or none of them");
          return Optional.empty();
        }
      }
      String digits = fields.text("bank_account");
      try {
        // masks at once: the full number goes no further than this call
        account = Optional.of(MemberBankAccount.of(fields.text("bank_name"),
            fields.text("bank_ifsc").toUpperCase(Locale.ROOT), digits, joined.orElse(LocalDate.EPOCH)));
      } catch (IllegalArgumentException e) {
        // MemberBankAccount's reasons never repeat the account number
        String column = e.getMessage().startsWith("IFSC") ? "bank_ifsc"
            : e.getMessage().startsWith("account number") ? "bank_account" : "bank_name";
        fields.add(column, e.getMessage());
        return Optional.empty();
      }
    }
    if (id.isEmpty() || name.isEmpty() || category.isEmpty() || joined.isEmpty()) {
      return Optional.empty();
    }
    Member member = Member.joining(id.get(), name.get(), category.get(), joined.get());
    return Optional.of(account.map(member::withBankAccount).orElse(member));
  }
}
