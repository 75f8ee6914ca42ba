package org.shgledger.unit;

import java.util.Objects;
import java.util.Optional;

/**
 * An NGO unit that mentors Self Help Groups and answers for them to donors: a cluster of groups, a
 * federation of clusters, an anti-trafficking unit. A unit may sit under another (federations hold
 * clusters, clusters hold groups); groups are put in units with {@link Units#addGroup}.
 *
 * @param code the unit's code, not null
 * @param name its name, 1 to {@value #MAX_NAME_LENGTH} characters on one line, not null
 * @param parent the unit it sits under, not null (empty for a unit at the top)
 */
public record Unit(UnitCode code, String name, Optional<UnitCode> parent) {

  /** The longest name accepted. */
  public static final int MAX_NAME_LENGTH = 120;

  /**
   * Creates a unit.
   *
   * @param code the unit's code, not null
   * @param name its name, 1 to {@value #MAX_NAME_LENGTH} characters on one line, not null
   * @param parent the unit it sits under, not null (empty for a unit at the top)
   * @throws NullPointerException if any argument is null
   * @throws IllegalArgumentException if the name is blank, too long or not one line
   */
  public Unit {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "unit " + code + ": a name must be 1 to " + MAX_NAME_LENGTH + " characters, got " + name.length());
    }
    org.shgledger.journal.PlainText.check("unit " + code + ": a name", name);
  }

  /**
   * A unit at the top, under no other.
   *
   * @param code the code, not null
   * @param name the name, not null
   * @return the unit, not null
   */
  public static Unit top(UnitCode code, String name) {
    return new Unit(code, name, Optional.empty());
  }

  /**
   * A unit under another.
   *
   * @param code the code, not null
   * @param name the name, not null
   * @param parent the unit above it, not null
   * @return the unit, not null
   */
  public static Unit under(UnitCode code, String name, UnitCode parent) {
    return new Unit(code, name, Optional.of(parent));
  }

  /**
   * The same unit under another parent.
   *
   * @param newParent the new parent, not null (empty for the top)
   * @return a new unit, not null
   */
  public Unit withParent(Optional<UnitCode> newParent) {
    return new Unit(code, name, newParent);
  }
}
