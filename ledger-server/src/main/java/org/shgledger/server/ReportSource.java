package org.shgledger.server;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
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
    INDICATORS,
    /** {@code shg account GROUP CODE}, a page of it: options {@code limit} and {@code cursor}. */
    ACCOUNT,
    /** {@code shg unit statement UNIT}. */
    UNIT_STATEMENT,
    /** {@code shg grade UNIT}: every group of the unit (a unit only, never a group's code). */
    GRADES,
    /** {@code shg commitment UNIT}: the donor's page, every count under 5 withheld. */
    COMMITMENT,
    /** {@code shg incidents UNIT}: the unit's totals, every count under 5 withheld. */
    INCIDENTS,
    /** {@code shg incidents UNIT --by-group}: each group's counts too, for coordinators. */
    INCIDENTS_BY_GROUP,
    /** {@code shg meeting sheet GROUP --date DATE}: option {@code date} (required) and {@code lang}. */
    MEETING_SHEET
  }

  /**
   * What is asked.
   *
   * @param kind the report, not null
   * @param subject the group's code, or the unit's for {@link Kind#INDICATORS}, {@link
   *     Kind#UNIT_STATEMENT} and {@link Kind#GRADES}, not null
   * @param member the member for a passbook, else null
   * @param options the report's options by name without dashes ({@code from}, {@code to}, {@code
   *     as-of}, {@code lang}), already checked to be among those the route allows, not null
   * @param names whether members' names were asked for (and the user may see them)
   * @param pseudonyms whether members' ids are to be replaced by pseudonyms where the report can
   *     (for a user who may not see who a member is: an auditor)
   * @param account the account's code for {@link Kind#ACCOUNT} (such as {@code 1000} or {@code
   *     2000:M01}), else null
   */
  record Query(Kind kind, String subject, String member, Map<String, String> options, boolean names,
      boolean pseudonyms, String account) {
    /**
     * Copies the options.
     *
     * @param kind the report, not null
     * @param subject the group's or the unit's code, not null
     * @param member the member for a passbook, else null
     * @param options the report's options, not null
     * @param names whether members' names were asked for
     * @param pseudonyms whether members' ids are to be replaced by pseudonyms
     * @param account the account's code for {@link Kind#ACCOUNT}, else null
     */
    public Query {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(subject, "subject");
      options = Map.copyOf(options);
    }

    /**
     * A query about no account.
     *
     * @param kind the report, not null
     * @param subject the group's or the unit's code, not null
     * @param member the member for a passbook, else null
     * @param options the report's options, not null
     * @param names whether members' names were asked for
     * @param pseudonyms whether members' ids are to be replaced by pseudonyms
     */
    public Query(Kind kind, String subject, String member, Map<String, String> options, boolean names,
        boolean pseudonyms) {
      this(kind, subject, member, options, names, pseudonyms, null);
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
    // jte's own escaping, as the pages' templates escape every value
    StringOutput escaped = new StringOutput();
    escaped.writeContent("<pre>");
    Escape.htmlContent(json(store, query), escaped);
    escaped.writeContent("</pre>\n");
    return escaped.toString();
  }

}
