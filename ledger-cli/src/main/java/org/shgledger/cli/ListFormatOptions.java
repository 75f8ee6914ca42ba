package org.shgledger.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.Lang;
import org.shgledger.cli.output.Report;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --format text|csv|json} of a listing command ({@code group list}, {@code member list},
 * {@code loan show}, {@code unit show}, {@code bearer list}): text is the command's own plain
 * layout, as it always was; CSV and JSON are the command's {@link Report} through the same
 * renderers as every report's (docs/formats.md). There is no HTML: a listing is not a page to print.
 */
final class ListFormatOptions {

  @Spec(Spec.Target.MIXEE)
  private CommandSpec spec;

  @Option(
      names = {"-O", "--format"}, // as hledger's -O FORMAT
      paramLabel = "FORMAT",
      defaultValue = "text",
      converter = Converter.class,
      completionCandidates = Words.class,
      description = "text (aligned columns), csv (for spreadsheets) or json (for programs). "
          + "Default: ${DEFAULT-VALUE}.")
  private Format format = Format.TEXT;

  /**
   * Whether the listing is asked for as text, which the command prints in its own layout.
   *
   * @return true for text
   */
  boolean text() {
    return format == Format.TEXT;
  }

  /**
   * Writes the listing as CSV or JSON to standard output.
   *
   * @param report the listing as a report, not null
   * @throws IllegalStateException if text was asked for: the command prints that itself
   */
  void print(Report report) {
    if (text()) {
      throw new IllegalStateException("a listing prints its text itself");
    }
    PrintWriter out = spec.commandLine().getOut();
    try {
      // the words of a listing are English: --lang is for reports
      format.renderer(Lang.EN).render(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** Reads {@code --format}: text, csv or json, in any case. */
  static final class Converter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      Format format;
      try {
        format = new Format.Converter().convert(value);
      } catch (TypeConversionException e) {
        format = Format.HTML; // refused below, with the listing's choices
      }
      if (format == Format.HTML) {
        throw new TypeConversionException("'" + value + "' is not a format of a listing; use text, csv or json");
      }
      return format;
    }
  }

  /** The words {@code --format} takes, for help and shell completion. */
  static final class Words implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Format.values()).filter(f -> f != Format.HTML).map(Format::word).iterator();
    }
  }
}
