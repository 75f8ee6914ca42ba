package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.shgledger.journal.BookId;
import org.shgledger.unit.Unit;
import org.shgledger.unit.UnitCode;
import org.shgledger.unit.UnitRegistry;

/**
 * A {@link UnitRegistry} kept in the same database as the books of its {@link LedgerStore}, on the
 * same connection (tables {@code unit_version} and {@code unit_group}, migration V3). Get the units
 * over it from {@link LedgerStore#units()}.
 *
 * <p>What is put is what is got, in the orders {@link UnitRegistry} documents, as from {@link
 * org.shgledger.unit.InMemoryUnitRegistry}. Nothing is updated or deleted: a unit or a group's
 * place that changes gets a new row, and the latest row is the record. A name holding a NUL
 * character or half a surrogate pair is refused with {@link StoreException.Kind#UNSTORABLE_TEXT}
 * before anything is written.
 *
 * <p>{@link #atomically} is one write transaction, and optimistic: each table numbers its rows in
 * one sequence across all units, and the work's rows take the numbers after the last one it saw
 * when it began. Had another transaction written in the meantime, the numbers collide on the key,
 * and the work runs again from the start and sees the other's change (PostgreSQL, whose writes to
 * units are not otherwise kept apart; on SQLite writers take turns on the whole file). So two
 * moves that would each be fine, but together make a cycle, cannot both be made.
 */
public final class JdbcUnitRegistry implements UnitRegistry {

  private static final String LATEST_UNIT =
      "u.change_seq = (SELECT MAX(l.change_seq) FROM unit_version l WHERE l.unit_code = u.unit_code)";
  private static final String LATEST_PLACE =
      "g.change_seq = (SELECT MAX(l.change_seq) FROM unit_group l WHERE l.book_id = g.book_id)";

  private final Database database;

  /**
   * The numbers the next rows take inside {@link #atomically}, from the last ones seen when it
   * began; null outside it. Read and written only while the database's monitor is held.
   */
  private long[] nextSeq;

  JdbcUnitRegistry(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Unit> unit(UnitCode code) {
    Objects.requireNonNull(code, "code");
    return database.read(false, () -> {
      PreparedStatement query = database.prepare(
          "SELECT unit_code, name, parent_code FROM unit_version WHERE unit_code = ?"
              + " ORDER BY change_seq DESC LIMIT 1");
      query.setString(1, code.value());
      List<Unit> units = units(query);
      return units.stream().findFirst();
    });
  }

  @Override
  public List<Unit> units() {
    return database.read(false, () -> {
      List<Unit> units = new ArrayList<>(units(database.prepare(
          "SELECT u.unit_code, u.name, u.parent_code FROM unit_version u WHERE " + LATEST_UNIT)));
      // sorted here, not by the database, whose collation may not be Java's order
      units.sort((a, b) -> a.code().compareTo(b.code()));
      return List.copyOf(units);
    });
  }

  @Override
  public void putUnit(Unit unit) {
    Objects.requireNonNull(unit, "unit");
    SqlView.checkStorable("name of unit " + unit.code(), unit.name());
    database.write(List.of(), () -> {
      if (unit(unit.code()).equals(Optional.of(unit))) {
        return null;
      }
      PreparedStatement insert = database.prepare(
          "INSERT INTO unit_version (change_seq, unit_code, name, parent_code, recorded_at) VALUES (?, ?, ?, ?, ?)");
      insert.setLong(1, next(0, "unit_version"));
      insert.setString(2, unit.code().value());
      insert.setString(3, unit.name());
      insert.setString(4, unit.parent().map(UnitCode::value).orElse(null));
      insert.setString(5, Database.now());
      insert.executeUpdate();
      return null;
    });
  }

  @Override
  public Optional<UnitCode> unitOf(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> {
      PreparedStatement query = database.prepare(
          "SELECT unit_code FROM unit_group WHERE book_id = ? ORDER BY change_seq DESC LIMIT 1");
      query.setString(1, group.value());
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? Optional.of(UnitCode.of(row.getString(1))) : Optional.<UnitCode>empty();
      }
    });
  }

  @Override
  public List<BookId> groups(UnitCode unit) {
    Objects.requireNonNull(unit, "unit");
    return database.read(false, () -> {
      PreparedStatement query = database.prepare(
          "SELECT g.book_id FROM unit_group g WHERE g.unit_code = ? AND " + LATEST_PLACE);
      query.setString(1, unit.value());
      List<BookId> groups = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          groups.add(BookId.of(rows.getString(1)));
        }
      }
      groups.sort(null);
      return List.copyOf(groups);
    });
  }

  @Override
  public void putGroup(BookId group, UnitCode unit) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(unit, "unit");
    database.write(List.of(), () -> {
      if (unitOf(group).equals(Optional.of(unit))) {
        return null;
      }
      PreparedStatement insert = database.prepare(
          "INSERT INTO unit_group (change_seq, book_id, unit_code, recorded_at) VALUES (?, ?, ?, ?)");
      insert.setLong(1, next(1, "unit_group"));
      insert.setString(2, group.value());
      insert.setString(3, unit.value());
      insert.setString(4, Database.now());
      insert.executeUpdate();
      return null;
    });
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    return database.write(List.of(), () -> {
      if (nextSeq != null) {
        return work.get(); // inside an outer call, which numbers the rows
      }
      // read first, before the work reads anything: a change committed after this is a collision
      nextSeq = new long[] {lastSeq("unit_version") + 1, lastSeq("unit_group") + 1};
      try {
        return work.get();
      } finally {
        nextSeq = null;
      }
    });
  }

  /** The number of the next row of a table: the next of the open work's, or after the last row. */
  private long next(int table, String name) throws SQLException {
    if (nextSeq == null) {
      return lastSeq(name) + 1;
    }
    return nextSeq[table]++;
  }

  private long lastSeq(String table) throws SQLException {
    try (ResultSet row = database.prepare("SELECT COALESCE(MAX(change_seq), 0) FROM " + table).executeQuery()) {
      row.next();
      return row.getLong(1);
    }
  }

  private static List<Unit> units(PreparedStatement query) throws SQLException {
    List<Unit> units = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String parent = rows.getString(3);
        units.add(new Unit(UnitCode.of(rows.getString(1)), rows.getString(2),
            parent == null ? Optional.empty() : Optional.of(UnitCode.of(parent))));
      }
    }
    return units;
  }
}
