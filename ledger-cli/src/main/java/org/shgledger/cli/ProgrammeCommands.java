package org.shgledger.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.shgledger.cli.Words.LoanIdWord;
import org.shgledger.cli.Words.MemberIdWord;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Column;
import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.programme.Child;
import org.shgledger.programme.ChildKey;
import org.shgledger.programme.LoanPurpose;
import org.shgledger.programme.Programme;
import org.shgledger.programme.SchoolStatus;
import org.shgledger.programme.SchoolStatusChange;
import org.shgledger.programme.Training;
import org.shgledger.programme.TrainingId;
import org.shgledger.programme.TrainingTopic;
import org.shgledger.store.LedgerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The programme's registers kept beside a group's books (issue 7), over {@link Programme}: {@code
 * shg child add|status|list}, {@code shg training record|list} and {@code shg loan purpose}. They
 * record what the indicators count and no more: a child has an opaque key, her mother's id, a
 * birth year and a school status, never a name (docs/privacy.md).
 */
final class ProgrammeCommands {

  /** The most default keys or ids tried before asking for one. */
  static final int MAX_SUFFIX = 99;

  private ProgrammeCommands() {}

  /**
   * A register command: a {@link BookCommand} with the registers over the open books. An unknown
   * group is {@code GROUP_NOT_FOUND} (exit 4).
   */
  abstract static class RegisterCommand extends BookCommand {

    /** The registers over the open books, while {@link #run()} runs. */
    Programme programme;

    @Override
    final void opened(LedgerStore store) {
      programme = new Programme(engine, store.programme());
    }
  }

  // ---------------------------------------------------------------- children

  /** {@code shg child add|status|list}. */
  @Command(
      name = "child",
      mixinStandardHelpOptions = true,
      description = {
        "Members' children in the programme: register one, record a change of school status, list "
            + "them. No name is kept: a key such as M01-C1, the mother's id, the year of birth.",
        "Example: shg child add SHG01 M01 --born 2016 --status bridge-course --date 2025-04-01"
      },
      subcommands = {ChildCommand.Add.class, ChildCommand.Status.class, ChildCommand.ListChildren.class})
  static final class ChildCommand extends CommandGroup {

    /** {@code shg child add GROUP MEMBER --born YEAR --status STATUS --date DATE [--key CHILD]}. */
    @Command(
        name = "add",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Register a member's child with her school status on the day. The same command again "
              + "records nothing; twins registered the same day with the same status need --key.",
          "Example: shg child add SHG01 M01 --born 2016 --status bridge-course --date 2025-04-01"
        })
    static final class Add extends RegisterCommand {
      @Parameters(index = "1", paramLabel = "MEMBER", converter = MemberIdWord.class,
          description = "The mother (or the member who cares for the child), a member on --date.")
      MemberId member;

      @Option(names = "--born", required = true, paramLabel = "YEAR",
          description = "The child's year of birth; no date of birth is kept.")
      int born;

      @Option(names = "--status", required = true, converter = StatusWord.class,
          paramLabel = "not-enrolled|enrolled|bridge-course|dropped-out", description = "Her school status on --date.")
      SchoolStatus status;

      @Option(names = "--date", required = true, converter = Words.DateWord.class, paramLabel = "DATE",
          description = "The day she is registered, yyyy-mm-dd.")
      LocalDate date;

      @Option(names = "--key", converter = ChildKeyWord.class, paramLabel = "CHILD",
          description = "The child's key. Default: MEMBER-C1, MEMBER-C2 ..., the first not taken by another child.")
      ChildKey key;

      @Override
      void run() {
        SchoolStatusChange first = new SchoolStatusChange(date, status);
        if (key != null) {
          boolean known = programme.register().child(code, key).isPresent();
          print(programme.registerChild(code, key, member, born, first), known);
          return;
        }
        for (int n = 1; n <= MAX_SUFFIX; n++) {
          ChildKey candidate = ChildKey.of(member.value() + "-C" + n);
          Optional<Child> existing = programme.register().child(code, candidate);
          if (existing.isEmpty()) {
            print(programme.registerChild(code, candidate, member, born, first), false);
            return;
          }
          Child known = existing.get();
          if (known.member().equals(member) && known.birthYear() == born && known.statuses().get(0).equals(first)) {
            print(programme.registerChild(code, candidate, member, born, first), true);
            return;
          }
        }
        throw usage(member + " has " + MAX_SUFFIX + " children registered already: give the key with --key");
      }

      private void print(Child child, boolean repeat) {
        SchoolStatusChange first = child.statuses().get(0);
        String what = "child " + child.key() + " of " + child.member() + ", born " + child.birthYear() + ", "
            + word(first.status()) + " from " + first.date();
        out.println(repeat ? what + ": registered already; nothing new recorded" : "registered in " + code + ": " + what);
      }
    }

    /** {@code shg child status GROUP CHILD --status STATUS --date DATE}. */
    @Command(
        name = "status",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Record a child's new school status from a day on. A second status on the same day "
              + "corrects the first; the history keeps both.",
          "Example: shg child status SHG01 M01-C1 --status enrolled --date 2025-07-01"
        })
    static final class Status extends RegisterCommand {
      @Parameters(index = "1", paramLabel = "CHILD", converter = ChildKeyWord.class, description = "The child's key.")
      ChildKey key;

      @Option(names = "--status", required = true, converter = StatusWord.class,
          paramLabel = "not-enrolled|enrolled|bridge-course|dropped-out", description = "Her school status from --date.")
      SchoolStatus status;

      @Option(names = "--date", required = true, converter = Words.DateWord.class, paramLabel = "DATE",
          description = "The first day of the status, yyyy-mm-dd.")
      LocalDate date;

      @Override
      void run() {
        Child before = programme.child(code, key);
        Child after = programme.recordSchoolStatus(code, key, new SchoolStatusChange(date, status));
        String what = "child " + key + ": " + word(status) + " from " + date;
        out.println(after.equals(before) ? what + " already; nothing new recorded" : what);
      }
    }

    /** {@code shg child list GROUP [--as-of DATE]}. */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
          "List the group's children in the programme and their school status on a day.",
          "Example: shg child list SHG01 --as-of 2025-06-30"
        })
    static final class ListChildren extends RegisterCommand {
      @Option(names = "--as-of", converter = Words.DateWord.class, paramLabel = "DATE",
          description = "The day of the statuses, yyyy-mm-dd. Default: today.")
      LocalDate asOf;

      @Mixin OutputOptions output;

      @Override
      void run() {
        Labels labels = output.labels();
        LocalDate day = asOf != null ? asOf : LocalDate.now();
        List<Child> children = programme.children(code);
        List<Row> rows = new ArrayList<>();
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {labels.get("list.child"), labels.get("list.member"), labels.get("list.born"),
            labels.get("list.status"), labels.get("list.since")});
        for (Child child : children) {
          Optional<SchoolStatusChange> status = child.statusOn(day);
          rows.add(Row.of(Cell.text(child.key().value()), Cell.text(child.member().value()),
              Cell.number(child.birthYear()), status.map(change -> Cell.text(word(change.status()))).orElse(Cell.empty()),
              status.map(change -> Cell.date(change.date())).orElse(Cell.empty()), Cell.date(child.registered())));
          // text names the day of registration where a child has no status yet, as it always has
          lines.add(new String[] {child.key().value(), child.member().value(), String.valueOf(child.birthYear()),
              status.map(change -> word(change.status())).orElse(labels.format("list.registered", child.registered())),
              status.map(change -> change.date().toString()).orElse("")});
        }
        // no names: a child is known by her key, her mother by her member id (docs/programme.md)
        Table table = Table.of("children", List.of(Column.text("child", labels.get("list.child")),
            Column.text("member", labels.get("list.member")), Column.number("born", labels.get("list.born")),
            Column.text("status", labels.get("list.status")), Column.date("since", labels.get("list.since")),
            Column.date("registered", labels.get("list.registered_on"))), rows);
        Report report = Report.builder("child-list", labels.get("report.child_list"))
            .fact("group", labels.get("group"), Cell.text(code.value()))
            .fact("group_name", labels.get("group_name"), Cell.text(group.name()))
            .fact("as_of", labels.get("as_of"), Cell.date(day))
            .add(table).build();
        String text = labels.format("list.children_heading", group.name(), code, day) + "\n"
            + (children.isEmpty() ? labels.get("list.no_children") + "\n" : Tables.text(lines, "llrll"));
        TableOutput.print(output, report, text);
      }
    }
  }

  // ---------------------------------------------------------------- trainings

  /** {@code shg training record|list}. */
  @Command(
      name = "training",
      mixinStandardHelpOptions = true,
      description = {
        "Training sessions for a group's members: record one with its attendees, list them.",
        "Example: shg training record SHG01 --topic orientation --date 2025-04-10 --attendees M01,M02,M05"
      },
      subcommands = {TrainingCommand.Record.class, TrainingCommand.ListTrainings.class})
  static final class TrainingCommand extends CommandGroup {

    /** {@code shg training record GROUP --topic TOPIC --date DATE --attendees M01,M02 [--id ID]}. */
    @Command(
        name = "record",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
          "Record a training session and the members who attended it, members on its day. A "
              + "workshop for several groups is recorded in each group with its own members. The "
              + "same command again records nothing.",
          "Example: shg training record SHG01 --topic orientation --date 2025-04-10 --attendees M01,M02,M05"
        })
    static final class Record extends RegisterCommand {
      @Option(names = "--topic", required = true, converter = TopicWord.class, paramLabel = "TOPIC",
          description = "What it was about, one word the NGO reuses: orientation, human-rights, child-enrolment.")
      TrainingTopic topic;

      @Option(names = "--date", required = true, converter = Words.DateWord.class, paramLabel = "DATE",
          description = "The day it was held (of a workshop of several days, the first), yyyy-mm-dd.")
      LocalDate date;

      @Option(names = "--attendees", required = true, split = ",", converter = MemberIdWord.class,
          paramLabel = "MEMBER", description = "The members who attended, comma-separated: M01,M02,M05.")
      List<MemberId> attendees;

      @Option(names = "--id", converter = TrainingIdWord.class, paramLabel = "TRAINING",
          description = "The session's id. Default: TOPIC-DATE, with -2, -3 ... for another session of the "
              + "topic that day.")
      TrainingId id;

      @Override
      void run() {
        if (attendees.size() > Training.MAX_ATTENDEES) {
          throw usage("--attendees names at most " + Training.MAX_ATTENDEES + " members, not " + attendees.size());
        }
        for (int n = 1; n <= MAX_SUFFIX; n++) {
          TrainingId candidate = id != null ? id : TrainingId.of(topic + "-" + date + (n == 1 ? "" : "-" + n));
          Training training = new Training(candidate, topic, date, attendees);
          Optional<Training> existing = programme.register().training(code, candidate);
          if (id != null || existing.isEmpty() || existing.get().equals(training)) {
            Training recorded = programme.recordTraining(code, training);
            String what = "training " + recorded.id() + ": " + recorded.topic() + " on " + recorded.date() + ", "
                + recorded.attendees().size() + " attending (" + ids(recorded.attendees()) + ")";
            out.println(existing.isPresent() ? what + ": recorded already; nothing new recorded" : what);
            return;
          }
        }
        throw usage("there are " + MAX_SUFFIX + " sessions of " + topic + " on " + date + " already: give --id");
      }
    }

    /** {@code shg training list GROUP}. */
    @Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = {
          "List the group's training sessions and who attended them.",
          "Example: shg training list SHG01"
        })
    static final class ListTrainings extends RegisterCommand {
      @Mixin OutputOptions output;

      @Override
      void run() {
        Labels labels = output.labels();
        List<Training> trainings = programme.trainings(code);
        List<Row> rows = new ArrayList<>();
        for (Training training : trainings) {
          rows.add(Row.of(Cell.text(training.id().value()), Cell.text(training.topic().value()),
              Cell.date(training.date()), Cell.number(training.attendees().size()),
              Cell.text(ids(training.attendees()))));
        }
        Table table = Table.of("trainings", List.of(Column.text("training", labels.get("list.training")),
            Column.text("topic", labels.get("list.topic")), Column.date("date", labels.get("list.date")),
            Column.number("attending", labels.get("list.attending")),
            Column.text("members", labels.get("list.members"))), rows);
        Report report = Report.builder("training-list", labels.get("report.training_list"))
            .fact("group", labels.get("group"), Cell.text(code.value()))
            .fact("group_name", labels.get("group_name"), Cell.text(group.name()))
            .add(table).build();
        String text = labels.format("list.trainings_heading", group.name(), code) + "\n"
            + (trainings.isEmpty() ? labels.get("list.no_trainings") + "\n" : Tables.text(table));
        TableOutput.print(output, report, text);
      }
    }
  }

  // ---------------------------------------------------------------- loan purposes

  /** {@code shg loan purpose GROUP LOAN PURPOSE}. */
  @Command(
      name = "purpose",
      mixinStandardHelpOptions = true,
      description = {
        "Record what a loan was for, as the member told the group: livelihood, education, health, "
            + "consumption or other. Given again, it corrects the purpose recorded before.",
        "Example: shg loan purpose SHG01 20240601-M02 livelihood"
      })
  static final class LoanPurposeCommand extends RegisterCommand {
    @Parameters(index = "1", paramLabel = "LOAN", converter = LoanIdWord.class, description = "The loan's id.")
    LoanId loan;

    @Parameters(index = "2", paramLabel = "PURPOSE", converter = PurposeWord.class,
        description = "livelihood, education, health, consumption or other.")
    LoanPurpose purpose;

    @Override
    void run() {
      Optional<LoanPurpose> before = programme.register().loanPurpose(code, loan);
      programme.setLoanPurpose(code, loan, purpose);
      String what = "loan " + loan + ": " + word(purpose);
      if (before.equals(Optional.of(purpose))) {
        out.println(what + " already; nothing new recorded");
      } else {
        out.println(what + before.map(earlier -> " (was " + word(earlier) + ")").orElse(""));
      }
    }
  }

  // ---------------------------------------------------------------- words

  private static String word(Enum<?> constant) {
    return LoanScheduleCommand.word(constant);
  }

  private static String ids(List<MemberId> members) {
    return members.stream().map(MemberId::value).collect(Collectors.joining(", "));
  }

  /** {@code not-enrolled}, {@code enrolled}, {@code bridge-course} or {@code dropped-out}. */
  static final class StatusWord extends Words.EnumWord<SchoolStatus> {
    StatusWord() {
      super(SchoolStatus.class);
    }
  }

  /** {@code livelihood}, {@code education}, {@code health}, {@code consumption} or {@code other}. */
  static final class PurposeWord extends Words.EnumWord<LoanPurpose> {
    PurposeWord() {
      super(LoanPurpose.class);
    }
  }

  /** A child's key such as {@code M01-C1}; the rule is {@link ChildKey}'s. */
  static final class ChildKeyWord extends Words.ValueWord<ChildKey> {
    ChildKeyWord() {
      super(ChildKey::of);
    }
  }

  /** A training topic such as {@code orientation}; the rule is {@link TrainingTopic}'s. */
  static final class TopicWord extends Words.ValueWord<TrainingTopic> {
    TopicWord() {
      super(TrainingTopic::of);
    }
  }

  /** A training session's id; the rule is {@link TrainingId}'s. */
  static final class TrainingIdWord extends Words.ValueWord<TrainingId> {
    TrainingIdWord() {
      super(TrainingId::of);
    }
  }
}
