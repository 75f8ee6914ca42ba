/**
 * The output layer of {@code shg}'s reports: one model of a report, four ways to write it.
 *
 * <p>A command builds a {@link org.shgledger.cli.output.Report}: a title, {@link
 * org.shgledger.cli.output.Fact facts} about the whole (group, period, currency), and a body of
 * {@link org.shgledger.cli.output.Table tables}, {@link org.shgledger.cli.output.Note notes},
 * {@link org.shgledger.cli.output.Figure figures} and, for a page that is printed and signed,
 * {@link org.shgledger.cli.output.Signatures signatures}. Table cells are typed ({@link
 * org.shgledger.cli.output.Cell}: text, amount, date, number, withheld, empty), so each format writes each
 * value its own way and the rules that protect readers hold in one place:
 *
 * <ul>
 *   <li>{@link org.shgledger.cli.output.TextRenderer text}: aligned tables fitted to 80 columns
 *       where possible, amounts right-aligned with Indian grouping ({@code 1,00,000.00});
 *   <li>{@link org.shgledger.cli.output.CsvRenderer CSV}: RFC 4180, UTF-8, the column keys as the
 *       header, amounts plain ({@code 100000.00}), text cells that would start a spreadsheet
 *       formula neutralised;
 *   <li>{@link org.shgledger.cli.output.JsonRenderer JSON}: stable keys, amounts as strings;
 *   <li>{@link org.shgledger.cli.output.HtmlRenderer HTML}: one self-contained page that prints on
 *       A4 with numbered pages, everything escaped, figures as inline SVG.
 * </ul>
 *
 * <p>Commands mix in {@link org.shgledger.cli.output.OutputOptions} ({@code --format}, {@code
 * --output}, {@code --lang}) and call its {@code print(report)}; words for people come from
 * {@link org.shgledger.cli.output.Labels} in English or Hindi. docs/formats.md describes the
 * formats for the people and programs that read them.
 */
package org.shgledger.cli.output;
