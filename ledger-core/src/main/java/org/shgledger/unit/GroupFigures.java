package org.shgledger.unit;

import java.util.Objects;
import org.shgledger.journal.BookId;

/**
 * One group's column of a unit statement.
 *
 * @param group the group's code, not null
 * @param name the group's name (a group's, never a member's), not null
 * @param figures its figures, counting one group, not null
 */
public record GroupFigures(BookId group, String name, Figures figures) {

  /**
   * Creates a group's figures.
   *
   * @param group the group's code, not null
   * @param name the group's name (a group's, never a member's), not null
   * @param figures its figures, counting one group, not null
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the figures do not count exactly one group
   */
  public GroupFigures {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(figures, "figures");
    if (figures.groups() != 1) {
      throw new IllegalArgumentException("group " + group + ": its figures count " + figures.groups() + " groups");
    }
  }
}
