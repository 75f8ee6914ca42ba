package org.shgledger.cli;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Fact;
import org.shgledger.cli.output.Labels;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The days a report covers, as the user gave them or as defaulted, with the remark a report
 * prints after a defaulted date ("the date of the latest entry"), so that a reader always knows
 * why the report stops where it does.
 *
 * @param from the first day, not null
 * @param fromNote why the first day is that day; empty when the user gave it; not null
 * @param to the last day, not before {@code from}, not null
 * @param toNote why the last day is that day; empty when the user gave it; not null
 */
record ReportPeriod(LocalDate from, String fromNote, LocalDate to, String toNote) {

  /**
   * Creates a period.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if {@code to} is before {@code from}
   */
  ReportPeriod {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(fromNote, "fromNote");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(toNote, "toNote");
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("a period from " + from + " to " + to + " ends before it starts");
    }
  }

  /**
   * The last day of a report: the one asked for, else the date of the book's latest entry, else
   * (an empty book) today; with the remark for a defaulted day.
   *
   * @param asked the day asked for, or null
   * @param latest the date of the latest entry, or null for a book without entries
   * @param labels the words for the remark, not null
   * @return the day and its remark, not null
   */
  static Dated lastDay(LocalDate asked, LocalDate latest, Labels labels) {
    if (asked != null) {
      return new Dated(asked, "");
    }
    return latest == null
        ? new Dated(LocalDate.now(), labels.get("as_of.no_entries"))
        : new Dated(latest, labels.get("as_of.latest_entry"));
  }

  /**
   * A period: the last day by {@link #lastDay}, the first day the one asked for or else {@code
   * defaultFrom} of the last day, with {@code defaultNote}. A first day after the last is a usage
   * error (exit 2) naming both days and where the last came from.
   *
   * @param spec the command, for the usage error, not null
   * @param askedFrom the first day asked for ({@code --from}), or null
   * @param askedTo the last day asked for, or null
   * @param toOption the option that gives the last day, such as {@code --to}, for the message,
   *     not null
   * @param latest the date of the latest entry, or null
   * @param defaultFrom the first day for a last day when none was asked for, not null
   * @param defaultNote the remark for a defaulted first day, not null
   * @param labels the words for the remarks, not null
   * @return the period, not null
   * @throws ParameterException if the first day is after the last
   */
  static ReportPeriod of(CommandSpec spec, LocalDate askedFrom, LocalDate askedTo, String toOption,
      LocalDate latest, UnaryOperator<LocalDate> defaultFrom, String defaultNote, Labels labels) {
    Dated to = lastDay(askedTo, latest, labels);
    if (askedFrom == null) {
      LocalDate from = defaultFrom.apply(to.day());
      // a default never makes a period impossible: at worst the period is its last day alone
      return from.isAfter(to.day())
          ? new ReportPeriod(to.day(), "", to.day(), to.note())
          : new ReportPeriod(from, defaultNote, to.day(), to.note());
    }
    if (askedFrom.isAfter(to.day())) {
      String last = askedTo != null ? toOption + " " + askedTo
          : to.day() + " (" + to.note() + "); give " + toOption + " as well";
      throw new ParameterException(spec.commandLine(),
          "--from " + askedFrom + " is after the last day of the report, " + last);
    }
    return new ReportPeriod(askedFrom, "", to.day(), to.note());
  }

  /**
   * The period's first day as a report fact, with its remark.
   *
   * @param labels the words, not null
   * @return the fact {@code from}, not null
   */
  Fact fromFact(Labels labels) {
    return new Fact("from", labels.get("from"), Cell.date(from), fromNote);
  }

  /**
   * The period's last day as a report fact, with its remark.
   *
   * @param labels the words, not null
   * @return the fact {@code to}, not null
   */
  Fact toFact(Labels labels) {
    return new Fact("to", labels.get("to"), Cell.date(to), toNote);
  }

  /**
   * A day and the remark that says why it is that day.
   *
   * @param day the day, not null
   * @param note the remark; empty when the day was asked for; not null
   */
  record Dated(LocalDate day, String note) {
    /** Checks for null. */
    Dated {
      Objects.requireNonNull(day, "day");
      Objects.requireNonNull(note, "note");
    }
  }
}
