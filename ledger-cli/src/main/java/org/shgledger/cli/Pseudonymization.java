package org.shgledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.shgledger.cli.output.Block;
import org.shgledger.cli.output.Cell;
import org.shgledger.cli.output.Fact;
import org.shgledger.cli.output.Report;
import org.shgledger.cli.output.Row;
import org.shgledger.cli.output.Table;
import org.shgledger.journal.BookId;
import org.shgledger.programme.Pseudonyms;
import org.shgledger.store.LedgerStore;

/**
 * {@code --pseudonymize} for member-level exports to auditors: every text in a report (account
 * codes and names, memos, entry ids) with each member's id and name replaced by her stable
 * pseudonym ({@link Pseudonyms}). The secret that keys the pseudonyms is the database's own, or
 * one read from a file the NGO keeps (docs/privacy.md).
 */
final class Pseudonymization {

  private Pseudonymization() {}

  /**
   * What replaces a group's members' ids and names.
   *
   * @param store the open books, not null
   * @param group the group, not null
   * @param secretFile a file whose bytes are the secret, or null for the database's own
   * @return the replacement of texts, not null
   * @throws UncheckedIOException if the file cannot be read, or holds fewer than {@value
   *     Pseudonyms#MIN_SECRET_BYTES} or more than {@value Pseudonyms#MAX_SECRET_BYTES} bytes
   */
  static UnaryOperator<String> replacer(LedgerStore store, BookId group, Path secretFile) {
    byte[] secret = secretFile == null ? store.programme().pseudonymSecret() : read(secretFile);
    Pseudonyms.Replacer replacer = Pseudonyms.keyedBy(secret).forGroup(group, store.registry().members(group));
    return replacer::apply;
  }

  private static byte[] read(Path file) {
    try {
      if (Files.size(file) > Pseudonyms.MAX_SECRET_BYTES) {
        throw new IOException("it is longer than " + Pseudonyms.MAX_SECRET_BYTES + " bytes");
      }
      byte[] secret = Files.readAllBytes(file);
      if (secret.length < Pseudonyms.MIN_SECRET_BYTES) {
        throw new IOException("it is shorter than " + Pseudonyms.MIN_SECRET_BYTES + " bytes");
      }
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use " + file + " as the pseudonym secret: " + e.getMessage(), e);
    }
  }

  /**
   * The same report with every text cell and text fact passed through a replacement.
   *
   * @param report the report, not null
   * @param replace the replacement, not null
   * @return a new report, not null
   */
  static Report apply(Report report, UnaryOperator<String> replace) {
    List<Fact> facts = new ArrayList<>();
    for (Fact fact : report.facts()) {
      facts.add(new Fact(fact.key(), fact.label(), cell(fact.value(), replace), fact.note()));
    }
    List<Block> blocks = new ArrayList<>();
    for (Block block : report.blocks()) {
      if (block instanceof Table table) {
        List<Row> rows = table.rows().stream().map(row -> row(row, replace)).toList();
        blocks.add(new Table(table.key(), table.caption(), table.columns(), rows, table.total().map(row -> row(row, replace))));
      } else {
        blocks.add(block);
      }
    }
    return new Report(report.kind(), report.title(), facts, blocks);
  }

  /**
   * The same row with every text cell passed through a replacement.
   *
   * @param row the row, not null
   * @param replace the replacement, not null
   * @return a new row, not null
   */
  static Row row(Row row, UnaryOperator<String> replace) {
    return new Row(row.cells().stream().map(cell -> cell(cell, replace)).toList(), row.level());
  }

  private static Cell cell(Cell cell, UnaryOperator<String> replace) {
    return cell instanceof Cell.Text text ? Cell.text(replace.apply(text.value())) : cell;
  }
}
