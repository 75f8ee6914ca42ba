package org.shgledger.cli;

import org.shgledger.cli.output.Format;
import org.shgledger.cli.output.OutputOptions;
import org.shgledger.cli.output.Report;

/**
 * How a command that prints a table ({@code group list}, {@code member list}, {@code bearer list},
 * {@code unit list|show}, {@code loan show}, {@code loan-schedule}, {@code child list}, {@code
 * training list}) writes it, through the options of every report ({@link OutputOptions}: {@code
 * --format text|csv|json|html}, {@code --output FILE}, {@code --lang}).
 *
 * <p>CSV, JSON and HTML are the command's {@link Report} through the renderers of every report, so
 * its JSON carries {@code "schema": "shg.<report>/1"} (docs/formats.md). Text is the command's own
 * plain layout, as it always was: a listing read at a terminal has no title block, and scripts and
 * docs rely on its lines; its words come from the same labels as the report's, so {@code --lang}
 * changes both.
 */
final class TableOutput {

  private TableOutput() {}

  /**
   * Whether the table is asked for as text, in the command's own layout.
   *
   * @param output the command's options, not null
   * @return true for text
   */
  static boolean text(OutputOptions output) {
    return output.format() == Format.TEXT;
  }

  /**
   * Writes the table in the format asked for, to the file or standard output, whole or not at all.
   *
   * @param output the command's options, not null
   * @param report the table as a report, for CSV, JSON and HTML, not null
   * @param text the command's own layout, for text, lines ending in {@code \n}, not null
   */
  static void print(OutputOptions output, Report report, String text) {
    if (text(output)) {
      output.write(out -> out.write(text));
    } else {
      output.print(report);
    }
  }
}
