package org.shgledger.programme;

import java.util.Locale;

/** The kind of an outreach or advocacy event (issue 18). */
public enum OutreachKind {
  /** An open-mic meeting. */
  OPEN_MIC,
  /** A rally. */
  RALLY,
  /** A street play. */
  STREET_PLAY,
  /** A newspaper the groups publish or write in. */
  NEWSPAPER,
  /** A petition: signatures are counted besides the people reached. */
  PETITION,
  /** A signature campaign: signatures are counted besides the people reached. */
  SIGNATURE_CAMPAIGN,
  /** A workshop open to the community. */
  WORKSHOP;

  /**
   * The kind's word on the command line and in reports.
   *
   * @return such as {@code street-play}, not null
   */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
