package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.shgledger.journal.BookId;
import org.shgledger.programme.OutreachEvent;
import org.shgledger.programme.OutreachId;
import org.shgledger.programme.OutreachKind;
import org.shgledger.programme.OutreachRegister;
import org.shgledger.unit.UnitCode;

/**
 * An {@link OutreachRegister} in the same database as the books (schema: migration
 * V12__livelihoods_outreach.sql), on the same connection. Get it from {@link
 * JdbcProgrammeRegister#outreach()}. Rows are inserted only; they belong to a unit, not a book,
 * so no book's registry chain covers them (docs/store.md).
 */
public final class JdbcOutreachRegister implements OutreachRegister {

  private final Database database;

  JdbcOutreachRegister(Database database) {
    this.database = database;
  }

  @Override
  public Optional<OutreachEvent> event(UnitCode unit, OutreachId id) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(id, "id");
    return database.read(true, () -> events(unit, id).stream().findFirst());
  }

  @Override
  public List<OutreachEvent> events(UnitCode unit) {
    Objects.requireNonNull(unit, "unit");
    return database.read(true, () -> events(unit, null));
  }

  @Override
  public void addEvent(UnitCode unit, OutreachEvent event) {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(event, "event");
    database.write(event.groups(), () -> {
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_outreach (unit_code, outreach_id, outreach_epoch_day, kind, people_reached,"
              + " signatures, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
      insert.setString(1, unit.value());
      insert.setString(2, event.id().value());
      insert.setLong(3, event.date().toEpochDay());
      insert.setString(4, event.kind().name());
      insert.setLong(5, event.reached());
      if (event.signatures().isPresent()) {
        insert.setLong(6, event.signatures().getAsLong());
      } else {
        insert.setNull(6, java.sql.Types.BIGINT);
      }
      insert.setString(7, Database.now());
      insert.executeUpdate();
      PreparedStatement group = database.prepare(
          "INSERT INTO programme_outreach_group (unit_code, outreach_id, book_id) VALUES (?, ?, ?)");
      for (BookId code : event.groups()) {
        group.setString(1, unit.value());
        group.setString(2, event.id().value());
        group.setString(3, code.value());
        group.executeUpdate();
      }
      return null;
    });
  }

  /** The unit's events in date and id order, or the one with an id. */
  private List<OutreachEvent> events(UnitCode unit, OutreachId only) throws SQLException {
    String one = only == null ? "" : " AND o.outreach_id = ?";
    PreparedStatement query = database.prepare(
        "SELECT o.outreach_id, o.outreach_epoch_day, o.kind, o.people_reached, o.signatures, g.book_id"
            + " FROM programme_outreach o LEFT JOIN programme_outreach_group g"
            + " ON g.unit_code = o.unit_code AND g.outreach_id = o.outreach_id"
            + " WHERE o.unit_code = ?" + one + " ORDER BY o.outreach_epoch_day, o.outreach_id");
    query.setString(1, unit.value());
    if (only != null) {
      query.setString(2, only.value());
    }
    Map<String, OutreachEvent> found = new LinkedHashMap<>();
    Map<String, List<BookId>> groups = new LinkedHashMap<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString(1);
        if (!found.containsKey(id)) {
          long signatures = rows.getLong(5);
          OptionalLong signed = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(signatures);
          found.put(id, new OutreachEvent(OutreachId.of(id), LocalDate.ofEpochDay(rows.getLong(2)),
              OutreachKind.valueOf(rows.getString(3)), rows.getLong(4), signed, List.of()));
        }
        String book = rows.getString(6);
        List<BookId> held = groups.computeIfAbsent(id, i -> new ArrayList<>());
        if (book != null) {
          held.add(BookId.of(book));
        }
      }
    }
    List<OutreachEvent> events = new ArrayList<>();
    found.forEach((id, event) -> events.add(new OutreachEvent(event.id(), event.date(), event.kind(), event.reached(),
        event.signatures(), groups.get(id))));
    // in Java's order, not the database's collation
    events.sort(java.util.Comparator.comparing(OutreachEvent::date).thenComparing(OutreachEvent::id));
    return List.copyOf(events);
  }
}
