package org.shgledger.cli.output;

import java.util.Objects;
import java.util.Optional;

/**
 * A picture drawn by the program as inline SVG, such as a chart of savings and loans outstanding
 * over time. Only HTML shows it (inline, so the page needs nothing from the network); text, CSV
 * and JSON leave it out, because the figure's numbers are in the report's tables.
 *
 * <p>A figure may carry the numbers it draws as a table of its own ({@code data}), when the report
 * has no other table of them: HTML draws the picture and leaves the table out, while text, CSV and
 * JSON, which cannot draw, write the table in the figure's place ({@link Report#tables()}).
 *
 * <p>The SVG is written into the page as it is, unescaped: it must be markup the program itself
 * generates, and any text from outside that it contains (a name, a label) must have been escaped
 * with {@link HtmlRenderer#escape(String)}.
 *
 * @param key a stable id for the figure, lower-case letters, digits and {@code -} or {@code _};
 *     the HTML element's id, not null
 * @param caption the caption for people, not null (may be empty)
 * @param svg a complete {@code <svg ...>...</svg>} element, not null
 * @param data the numbers drawn, as a table that formats without pictures write instead, or empty
 *     when the report's own tables hold them, not null
 */
public record Figure(String key, String caption, String svg, Optional<Table> data) implements Block {

  /**
   * Creates a figure.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the key is malformed or the SVG is not one svg element
   */
  public Figure {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(svg, "svg");
    Objects.requireNonNull(data, "data");
    if (!key.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("a figure key is lower-case letters, digits, - and _: '" + key + "'");
    }
    String trimmed = svg.strip();
    if (!trimmed.startsWith("<svg") || !trimmed.endsWith("</svg>")) {
      throw new IllegalArgumentException("a figure's svg is one <svg>...</svg> element");
    }
  }

  /**
   * A figure whose numbers are in the report's tables.
   *
   * @param key a stable id, see {@link Figure}, not null
   * @param caption the caption for people, not null (may be empty)
   * @param svg a complete {@code <svg ...>...</svg>} element, not null
   * @throws IllegalArgumentException as the canonical constructor
   */
  public Figure(String key, String caption, String svg) {
    this(key, caption, svg, Optional.empty());
  }
}
