package org.shgledger.server;

import java.util.Map;
import java.util.Objects;
import org.shgledger.store.LedgerStore;

/**
 * Builds a report's JSON, in the shape of {@code shg REPORT --format json} (the {@code "schema"}
 * key first: docs/formats.md). The server asks; {@code shg serve} answers with the command line's
 * own report code, so that the API and the CLI give the same bytes for the same books, and the
 * server does not depend on the CLI (docs/server.md, "Reports").
 */
@FunctionalInterface
public interface ReportSource {

  /** The reports the API serves. */
  enum Kind {
    /** {@code shg trial-balance GROUP}. */
    TRIAL_BALANCE,
    /** {@code shg statement GROUP}. */
    STATEMENT,
    /** {@code shg passbook GROUP MEMBER}. */
    PASSBOOK,
    /** {@code shg loans GROUP}. */
    LOANS,
    /** {@code shg indicators UNIT}. */
    INDICATORS
  }

  /**
   * What is asked.
   *
   * @param kind the report, not null
   * @param subject the group's code, or the unit's for {@link Kind#INDICATORS}, not null
   * @param member the member for a passbook, else null
   * @param options the report's options by name without dashes ({@code from}, {@code to}, {@code
   *     as-of}, {@code lang}), already checked to be among those the route allows, not null
   * @param names whether members' names were asked for (and the user may see them)
   * @param pseudonyms whether members' ids are to be replaced by pseudonyms where the report can
   *     (for a user who may not see who a member is: an auditor)
   */
  record Query(Kind kind, String subject, String member, Map<String, String> options, boolean names,
      boolean pseudonyms) {
    /** Copies the options. */
    public Query {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
      options = Map.copyOf(options);
    }
  }

  /**
   * Builds the report from the open books.
   *
   * @param store the books, not null
   * @param query what is asked, not null
   * @return the JSON document, ending in a newline
   * @throws IllegalArgumentException for an option whose value is wrong (a 400)
   * @throws org.shgledger.LedgerException for a refusal of the books (an unknown group is a 404)
   */
  String json(LedgerStore store, Query query);

  /**
   * Builds the report as an HTML fragment for the pages: what {@code shg REPORT --format html}
   * writes between {@code <body>} and {@code </body>} (the heading, the facts, the tables), every
   * piece of text escaped, so that a page and the command line's file show the same figures. The
   * page wraps it in its own layout. This default, for a source that has no HTML, shows the JSON
   * escaped in a {@code <pre>}.
   *
   * @param store the books, not null
   * @param query what is asked, not null
   * @return the fragment, safe to place in a page as it is
   * @throws IllegalArgumentException for an option whose value is wrong (a 400)
   * @throws org.shgledger.LedgerException for a refusal of the books (an unknown group is a 404)
   */
  default String html(LedgerStore store, Query query) {
    String json = json(store, query);
    StringBuilder escaped = new StringBuilder("<pre>");
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.append("</pre>\n").toString();
  }
}
