package org.shgledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.shgledger.cli.Words.MemberIdWord;
import org.shgledger.cli.Words.RoleWord;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.group.BearerTerm;
import org.shgledger.group.MemberId;
import org.shgledger.group.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shg bearer elect|list}: the group's office bearers and their terms. */
@Command(
    name = "bearer",
    mixinStandardHelpOptions = true,
    description = {
      "The group's office bearers: president, secretary, treasurer, signatory.",
      "Example: shg bearer elect SHG01 M02 --role treasurer --from 2024-04-01 --to 2025-03-31"
    },
    subcommands = {BearerCommand.Elect.class, BearerCommand.ListTerms.class})
final class BearerCommand extends CommandGroup {

  /** {@code shg bearer elect GROUP MEMBER --role ROLE --from DATE --to DATE}. */
  @Command(
      name = "elect",
      mixinStandardHelpOptions = true,
      sortOptions = false,
      description = {
        "Record an election: a member holds an office from one day to another. One member holds an "
            + "office on any day (OFFICE_TAKEN); earlier terms are kept. The same term again changes nothing.",
        "Example: shg bearer elect SHG01 M02 --role treasurer --from 2024-04-01 --to 2025-03-31"
      })
  static final class Elect extends BookCommand {
    @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class, description = "The member elected.")
    MemberId member;

    @Option(names = "--role", required = true, converter = RoleWord.class,
        paramLabel = "president|secretary|treasurer|signatory", description = "The office.")
    Role role;

    @Option(names = "--from", converter = Words.DateWord.class, required = true, paramLabel = "DATE", description = "The first day of the term.")
    LocalDate from;

    @Option(names = "--to", converter = Words.DateWord.class, required = true, paramLabel = "DATE", description = "The last day of the term.")
    LocalDate to;

    @Override
    void run() {
      BearerTerm term;
      try {
        term = new BearerTerm(role, member, from, to);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      boolean repeat = engine.registry().terms(code).contains(term);
      engine.elect(code, term);
      out.println((repeat ? "already recorded: " : "recorded: ") + describe(term) + (repeat ? " (nothing new recorded)" : ""));
    }
  }

  /** {@code shg bearer list GROUP}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "List every office-bearer term the group has recorded, in the order recorded.",
        "Example: shg bearer list SHG01"
      })
  static final class ListTerms extends BookCommand {
    @Mixin OutputOptions output;

    @Override
    void run() {
      Labels labels = output.labels();
      List<Row> rows = new ArrayList<>();
      for (BearerTerm term : engine.registry().terms(code)) {
        rows.add(Row.of(Cell.text(LoanScheduleCommand.word(term.role())), Cell.text(term.member().value()),
            Cell.date(term.from()), Cell.date(term.to())));
      }
      Table table = Table.of("bearers", List.of(Column.text("office", labels.get("list.office")),
          Column.text("member", labels.get("list.member")), Column.date("from", labels.get("list.from")),
          Column.date("to", labels.get("list.to"))), rows);
      Report report = Report.builder("bearer-list", labels.get("report.bearer_list"))
          .fact("group", labels.get("group"), Cell.text(code.value())).add(table).build();
      TableOutput.print(output, report,
          rows.isEmpty() ? labels.format("list.no_bearers", code) + "\n" : Tables.text(table));
    }
  }

  /** A term in words: {@code M02 is treasurer from 2024-04-01 to 2025-03-31}. */
  static String describe(BearerTerm term) {
    return term.member() + " is " + LoanScheduleCommand.word(term.role()) + " from " + term.from() + " to " + term.to();
  }
}
