package org.shgledger.importing;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.shgledger.group.SavingsGroups;

/**
 * The entry-id namespaces of the importers. Each import derives its entries' ids from what it
 * reads, so that importing a file again records nothing; an entry recorded by hand under such an
 * id would make the import take a different event for its own and skip it. The ids of these
 * namespaces are therefore the importers' alone: a command refuses them (the {@code shg}
 * recording commands' {@code --id}), and an import that finds its id on an entry of other
 * content refuses the file as a conflict.
 */
public final class ImportedIds {

  /** A bank statement line's id: {@code pb:} and a content hash. */
  public static final String PASSBOOK = SavingsGroups.BANK_LINE_ID_PREFIX;

  /** A meeting register's entries: {@code MTG:DATE:MEMBER:KIND}. */
  public static final String MEETING = "MTG:";

  /** Opening balances and opening loans: {@code OPEN:DATE}, {@code OPEN:DATE:MEMBER:LOAN}. */
  public static final String OPENING = "OPEN:";

  /** Every importer's namespace. */
  public static final List<String> PREFIXES = List.of(PASSBOOK, MEETING, OPENING);

  private ImportedIds() {}

  /**
   * Whether an id is in an importer's namespace, ignoring case (so that {@code PB:…} is refused
   * too, which a reader could not tell from an imported line's id).
   *
   * @param id an entry id, not null
   * @return the namespace's prefix, or null if the id is in none
   */
  public static String namespaceOf(String id) {
    Objects.requireNonNull(id, "id");
    String lower = id.toLowerCase(Locale.ROOT);
    for (String prefix : PREFIXES) {
      if (lower.startsWith(prefix.toLowerCase(Locale.ROOT))) {
        return prefix;
      }
    }
    return null;
  }
}
