package org.shgledger.cli.output;

import java.io.IOException;
import java.io.Writer;

/** Writes a {@link Report} in one {@link Format}. Lines end in {@code \n} except in CSV. */
public interface Renderer {

  /**
   * Writes the report.
   *
   * @param report the report, not null
   * @param out where to write; not closed, not null
   * @throws IOException if writing fails
   */
  void render(Report report, Writer out) throws IOException;
}
