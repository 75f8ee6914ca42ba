package org.shgledger.cli.output;

import java.util.Objects;

/**
 * A picture drawn by the program as inline SVG, such as a chart of savings and loans outstanding
 * over time. Only HTML shows it (inline, so the page needs nothing from the network); text, CSV
 * and JSON leave it out, because the figure's numbers are in the report's tables.
 *
 * <p>The SVG is written into the page as it is, unescaped: it must be markup the program itself
 * generates, and any text from outside that it contains (a name, a label) must have been escaped
 * with {@link HtmlRenderer#escape(String)}.
 *
 * @param key a stable id for the figure, lower-case letters, digits and {@code -} or {@code _};
 *     the HTML element's id, not null
 * @param caption the caption for people, not null (may be empty)
 * @param svg a complete {@code <svg ...>...</svg>} element, not null
 */
public record Figure(String key, String caption, String svg) implements Block {

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
    if (!key.matches("[a-z][a-z0-9_-]*")) {
      throw new IllegalArgumentException("a figure key is lower-case letters, digits, - and _: '" + key + "'");
    }
    String trimmed = svg.strip();
    if (!trimmed.startsWith("<svg") || !trimmed.endsWith("</svg>")) {
      throw new IllegalArgumentException("a figure's svg is one <svg>...</svg> element");
    }
  }
}
