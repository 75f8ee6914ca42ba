package org.shgledger.cli;

import org.shgledger.cli.output.Labels;
import org.shgledger.cli.output.Report;
import org.shgledger.store.LedgerStore;

/**
 * A command whose report, once its options are parsed, can be built over books someone else opened:
 * {@code shg serve} parses a request's query as the command's options and asks for the report.
 */
interface StoreReport {

  /**
   * The report over open books, as the parsed options ask.
   *
   * @param store the open books, not null
   * @param labels the reader's words, not null
   * @return the report, not null
   * @throws picocli.CommandLine.ParameterException if the options are out of range
   */
  Report report(LedgerStore store, Labels labels);
}
