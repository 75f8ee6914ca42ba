package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.shgledger.journal.BookId;
import org.shgledger.programme.AgeBand;
import org.shgledger.programme.Incident;
import org.shgledger.programme.IncidentEvent;
import org.shgledger.programme.IncidentId;
import org.shgledger.programme.IncidentPurge;
import org.shgledger.programme.IncidentRegister;
import org.shgledger.programme.IncidentStatus;
import org.shgledger.programme.IncidentType;
import org.shgledger.programme.SupportService;
import org.shgledger.store.RegistryChain.Table;

/**
 * An {@link IncidentRegister} in the same database as the books (schema: migration
 * V11__programme_whole.sql), on the same connection. Get it from {@link
 * JdbcProgrammeRegister#incidents()}.
 *
 * <p>Incidents and their events are inserted only, never updated. A purge deletes a book's
 * incidents, events and referrals and inserts the purge's row, which the registry chain records,
 * in one transaction; on SQLite the deleted rows' bytes are overwritten with zeros ({@code
 * secure_delete}), in the file once the write-ahead log is copied back into it (at the latest when
 * the last connection closes). docs/privacy.md says what a purge cannot reach: backups, and
 * PostgreSQL's dead rows until {@code VACUUM}. Each write is one transaction, joining that of {@link LedgerStore#unitOfWork()}.
 */
public final class JdbcIncidentRegister implements IncidentRegister {

  private final Database database;

  JdbcIncidentRegister(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Incident> incident(BookId group, IncidentId id) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(id, "id");
    return database.read(true, () -> incidents(group, id).stream().findFirst());
  }

  @Override
  public List<Incident> incidents(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(true, () -> incidents(group, null));
  }

  @Override
  public void addIncident(BookId group, Incident incident) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(incident, "incident");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_incident (book_id, incident_id, incident_epoch_day, incident_type, age_band,"
              + " recorded_at) VALUES (?, ?, ?, ?, ?, ?)");
      insert.setString(1, group.value());
      insert.setString(2, incident.id().value());
      insert.setLong(3, incident.date().toEpochDay());
      insert.setString(4, incident.type().name());
      insert.setString(5, incident.ageBand().map(AgeBand::name).orElse(null));
      insert.setString(6, Database.now());
      insert.executeUpdate();
      for (IncidentEvent event : incident.events()) {
        insertEvent(group, incident.id(), event);
      }
      return null;
    });
  }

  @Override
  public void addEvent(BookId group, IncidentId id, IncidentEvent event) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(event, "event");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      insertEvent(group, id, event);
      return null;
    });
  }

  private void insertEvent(BookId group, IncidentId id, IncidentEvent event) throws SQLException {
    long sequence;
    PreparedStatement last = database.prepare(
        "SELECT COALESCE(MAX(event_seq), 0) FROM programme_incident_event WHERE book_id = ? AND incident_id = ?");
    last.setString(1, group.value());
    last.setString(2, id.value());
    try (ResultSet row = last.executeQuery()) {
      row.next();
      sequence = row.getLong(1) + 1;
    }
    PreparedStatement insert = database.prepare(
        "INSERT INTO programme_incident_event (book_id, incident_id, event_seq, status, event_epoch_day, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)");
    insert.setString(1, group.value());
    insert.setString(2, id.value());
    insert.setLong(3, sequence);
    insert.setString(4, event.status().name());
    insert.setLong(5, event.date().toEpochDay());
    insert.setString(6, Database.now());
    insert.executeUpdate();
    PreparedStatement referral = database.prepare(
        "INSERT INTO programme_incident_referral (book_id, incident_id, event_seq, service) VALUES (?, ?, ?, ?)");
    for (SupportService service : event.referredTo()) {
      referral.setString(1, group.value());
      referral.setString(2, id.value());
      referral.setLong(3, sequence);
      referral.setString(4, service.name());
      referral.executeUpdate();
    }
  }

  /** The group's incidents in id order, or the one with an id, each with its history. */
  private List<Incident> incidents(BookId group, IncidentId only) throws SQLException {
    String one = only == null ? "" : " AND i.incident_id = ?";
    PreparedStatement query = database.prepare(
        "SELECT i.incident_id, i.incident_epoch_day, i.incident_type, i.age_band, e.event_seq, e.status,"
            + " e.event_epoch_day, r.service"
            + " FROM programme_incident i JOIN programme_incident_event e"
            + " ON e.book_id = i.book_id AND e.incident_id = i.incident_id"
            + " LEFT JOIN programme_incident_referral r"
            + " ON r.book_id = e.book_id AND r.incident_id = e.incident_id AND r.event_seq = e.event_seq"
            + " WHERE i.book_id = ?" + one + " ORDER BY i.incident_id, e.event_seq");
    query.setString(1, group.value());
    if (only != null) {
      query.setString(2, only.value());
    }
    List<Incident> incidents = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      boolean more = rows.next();
      while (more) {
        String id = rows.getString(1);
        LocalDate date = LocalDate.ofEpochDay(rows.getLong(2));
        IncidentType type = IncidentType.valueOf(rows.getString(3));
        Optional<AgeBand> band = Optional.ofNullable(rows.getString(4)).map(AgeBand::valueOf);
        Map<Long, IncidentEvent> events = new LinkedHashMap<>();
        Map<Long, List<SupportService>> services = new LinkedHashMap<>();
        while (more && rows.getString(1).equals(id)) {
          long sequence = rows.getLong(5);
          events.putIfAbsent(sequence, new IncidentEvent(LocalDate.ofEpochDay(rows.getLong(7)),
              IncidentStatus.valueOf(rows.getString(6)), List.of()));
          String service = rows.getString(8);
          List<SupportService> referred = services.computeIfAbsent(sequence, s -> new ArrayList<>());
          if (service != null) {
            referred.add(SupportService.valueOf(service));
          }
          more = rows.next();
        }
        List<IncidentEvent> history = new ArrayList<>();
        events.forEach((sequence, event) ->
            history.add(new IncidentEvent(event.date(), event.status(), services.get(sequence))));
        incidents.add(new Incident(IncidentId.of(id), date, type, band, history));
      }
    }
    // in Java's order, not the database's collation
    incidents.sort(Comparator.comparing(Incident::id));
    return List.copyOf(incidents);
  }

  @Override
  public IncidentPurge purge(BookId group, LocalDate date) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(date, "date");
    boolean sqlite = database.dialect() == Dialect.SQLITE;
    return database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      if (sqlite) {
        // overwrite the deleted rows' bytes with zeros rather than leave them in free pages
        database.prepare("PRAGMA secure_delete = ON").execute();
      }
      long referrals = delete("programme_incident_referral", group);
      long events = delete("programme_incident_event", group);
      long incidents = delete("programme_incident", group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_incident_purge (book_id, purge_seq, purge_epoch_day, incidents_deleted,"
              + " events_deleted, referrals_deleted, recorded_at)"
              + " SELECT ?, COALESCE(MAX(purge_seq), 0) + 1, ?, ?, ?, ?, ? FROM programme_incident_purge"
              + " WHERE book_id = ?");
      insert.setString(1, group.value());
      insert.setLong(2, date.toEpochDay());
      insert.setLong(3, incidents);
      insert.setLong(4, events);
      insert.setLong(5, referrals);
      insert.setString(6, Database.now());
      insert.setString(7, group.value());
      insert.executeUpdate();
      RegistryChain.recordNumbered(database, group, Table.INCIDENT_PURGE);
      return new IncidentPurge(group, date, incidents, events);
    });
  }

  private long delete(String table, BookId group) throws SQLException {
    PreparedStatement delete = database.prepare("DELETE FROM " + table + " WHERE book_id = ?");
    delete.setString(1, group.value());
    return delete.executeUpdate();
  }

  @Override
  public List<IncidentPurge> purges(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> {
      PreparedStatement query = database.prepare(
          "SELECT purge_epoch_day, incidents_deleted, events_deleted FROM programme_incident_purge"
              + " WHERE book_id = ? ORDER BY purge_seq");
      query.setString(1, group.value());
      List<IncidentPurge> purges = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          purges.add(new IncidentPurge(group, LocalDate.ofEpochDay(rows.getLong(1)), rows.getLong(2), rows.getLong(3)));
        }
      }
      return List.copyOf(purges);
    });
  }

  /** A group's register is kept with its book; the book's row is also what writers lock. */
}
