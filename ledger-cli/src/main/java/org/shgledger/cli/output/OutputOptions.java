package org.shgledger.cli.output;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options every report shares: {@code --format text|csv|json|html}, {@code --output FILE} and
 * {@code --lang en|hi|bn}. Mix them into a report command and print through them:
 *
 * <pre>{@code
 * @Mixin private OutputOptions output;
 *
 * public Integer call() {
 *   Labels labels = output.labels();
 *   Report report = Report.builder("passbook", labels.get("report.passbook"))
 *       .fact("group", labels.get("group"), Cell.text("SHG01"))
 *       .add(Table.of("lines", columns, rows))
 *       .build();
 *   output.print(report);
 *   return ExitCodes.OK;
 * }
 * }</pre>
 *
 * <p>Build the whole report before printing it: with {@code --output} nothing is written unless
 * the whole report is (see {@link Destination}).
 */
public final class OutputOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = {"-O", "--format"}, // hledger's short forms: -O FORMAT, -o FILE
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Format.Converter.class,
      completionCandidates = Format.Words.class,
      description = "text (aligned tables), csv (for spreadsheets), json (for programs) or html "
          + "(a printable page). Default: ${DEFAULT-VALUE}.")
  private Format format = Format.TEXT;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE instead of standard output; the file is replaced only when the "
          + "whole report is written.")
  private Path output;

  @Option(
      names = "--lang",
      paramLabel = "LANG",
      converter = Lang.Converter.class,
      completionCandidates = Lang.Codes.class,
      description = "The language of headings and labels: ${COMPLETION-CANDIDATES} (en English, hi Hindi, "
          + "bn Bengali, and any labels file added). "
          + "Default: the locale's language (LC_ALL, else LC_MESSAGES, else LANG, such as hi_IN.UTF-8) "
          + "when there are labels in it, else en.")
  private Lang lang;

  /** Reads environment variables, for the locale when {@code --lang} is not given; tests replace it. */
  static UnaryOperator<String> environment = System::getenv;

  /** Creates the options; picocli fills them in. */
  public OutputOptions() {}

  /**
   * The format asked for.
   *
   * @return the format, not null
   */
  public Format format() {
    return format;
  }

  /**
   * The language asked for.
   *
   * @return the language, not null
   */
  public Lang lang() {
    return lang != null ? lang : Lang.ofEnvironment(environment);
  }

  /**
   * The labels in the language asked for.
   *
   * @return the labels, not null
   */
  public Labels labels() {
    return Labels.of(lang());
  }

  /**
   * The file asked for.
   *
   * @return the file, or empty for standard output
   */
  public Optional<Path> output() {
    return Optional.ofNullable(output);
  }

  /**
   * Writes a report in the format asked for, to the file or standard output.
   *
   * @param report the report, not null
   * @throws UncheckedIOException if the file cannot be written; it is then unchanged
   */
  public void print(Report report) {
    Renderer renderer = format.renderer(lang());
    write(out -> renderer.render(report, out));
  }

  /**
   * Writes other output to the file or standard output, whole or not at all, for a command whose
   * output is not a {@link Report}.
   *
   * @param body what to write, not null
   * @throws UncheckedIOException if the file cannot be written; it is then unchanged
   */
  public void write(Destination.Body body) {
    PrintWriter out = spec.commandLine().getOut();
    Destination.write(output, books(), out, body);
  }

  /**
   * The books the command reads, from the options mixed into it or a command above it: found
   * here, so that no report command can forget to keep them from its output.
   */
  private Destination.Books books() {
    List<Path> files = new ArrayList<>();
    for (CommandSpec command = spec.commandLine().getCommandSpec(); command != null;
        command = command.parent()) {
      addBookFiles(command, files);
    }
    return () -> files;
  }

  private static void addBookFiles(CommandSpec command, List<Path> files) {
    if (command.userObject() instanceof Destination.Books books) {
      files.addAll(books.bookFiles());
    }
    for (CommandSpec mixin : command.mixins().values()) {
      addBookFiles(mixin, files);
    }
  }
}
