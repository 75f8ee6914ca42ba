package org.shgledger.server;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.shgledger.journal.BookId;
import org.shgledger.unit.UnitCode;

/**
 * A user of the server: a name, a role and what the role is limited to. A treasurer has a group; a
 * coordinator has a unit; an auditor or a donor may have a unit; an admin has neither.
 *
 * @param name 1 to {@value #MAX_NAME_LENGTH} letters, digits or {@code . _ @ -}, starting with a
 *     letter or digit; it is a login, not a person's full name, and is never written to the access log
 * @param role the role, not null
 * @param unit the unit the role is limited to, not null (empty for none)
 * @param group the group the role is limited to, not null (empty for none)
 */
public record User(String name, Role role, Optional<UnitCode> unit, Optional<BookId> group) {

  /** The longest name. */
  public static final int MAX_NAME_LENGTH = 64;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");

  /**
   * Checks the name and that the role's limit fits it.
   *
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the name is malformed, a treasurer has no group, a
   *     coordinator no unit, or the role has a limit it cannot have
   */
  public User {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(group, "group");
    checkName(name);
    switch (role) {
      case ADMIN -> require(unit.isEmpty() && group.isEmpty(), "an admin has no --unit or --group");
      case COORDINATOR -> require(unit.isPresent() && group.isEmpty(), "a coordinator has a --unit and no --group");
      case TREASURER -> require(group.isPresent() && unit.isEmpty(), "a treasurer has a --group and no --unit");
      case AUDITOR, DONOR -> require(group.isEmpty(), "an " + role.word() + " may have a --unit, not a --group");
      default -> throw new IllegalStateException(role.toString());
    }
  }

  /**
   * Checks a user's name.
   *
   * @param name the name, not null
   * @return the name
   * @throws IllegalArgumentException if it is malformed
   */
  public static String checkName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a user's name is 1 to " + MAX_NAME_LENGTH
          + " letters, digits or . _ @ -, starting with a letter or digit");
    }
    return name;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
