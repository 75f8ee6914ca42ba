package org.shgledger.store;

import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.programme.Child;
import org.shgledger.programme.ChildKey;
import org.shgledger.programme.LoanPurpose;
import org.shgledger.programme.ProgrammeRegister;
import org.shgledger.programme.SchoolStatus;
import org.shgledger.programme.SchoolStatusChange;
import org.shgledger.programme.Training;
import org.shgledger.programme.TrainingId;
import org.shgledger.programme.TrainingTopic;

/**
 * A {@link ProgrammeRegister} in the same database as the books of its {@link LedgerStore}, on
 * the same connection, so that a group's registers travel with its books (schema: migration
 * V4__programme.sql). Get it from {@link LedgerStore#programme()}.
 *
 * <p>What is put is what is got, in the orders {@link ProgrammeRegister} states, as from {@link
 * org.shgledger.programme.InMemoryProgrammeRegister}. Nothing is updated or deleted: children,
 * status changes, trainings and their attendees are inserted; a loan purpose put again is a new
 * version. Each write is one transaction that keeps other writers to the group's book out, and
 * joins the transaction of {@link LedgerStore#unitOfWork()} when called inside it. A write for a
 * book that does not exist throws {@link JournalException} {@link Rejection#BOOK_NOT_FOUND}; a
 * child key or training id written twice fails the database's primary key ({@link
 * StoreException}), since {@link org.shgledger.programme.Programme} checks first.
 */
public final class JdbcProgrammeRegister implements ProgrammeRegister {

  private static final int SECRET_BYTES = 32;
  private static final String LATEST_PURPOSE =
      "p.version = (SELECT MAX(l.version) FROM programme_loan_purpose l"
          + " WHERE l.book_id = p.book_id AND l.loan_id = p.loan_id)";

  private final Database database;
  private final JdbcIncidentRegister incidents;
  private final JdbcLivelihoodRegister livelihoods;
  private final JdbcOutreachRegister outreach;

  JdbcProgrammeRegister(Database database) {
    this.database = database;
    this.incidents = new JdbcIncidentRegister(database);
    this.livelihoods = new JdbcLivelihoodRegister(database);
    this.outreach = new JdbcOutreachRegister(database);
  }

  @Override
  public JdbcLivelihoodRegister livelihoods() {
    return livelihoods;
  }

  @Override
  public JdbcOutreachRegister outreach() {
    return outreach;
  }

  @Override
  public JdbcIncidentRegister incidents() {
    return incidents;
  }

  // ---- children ----

  @Override
  public Optional<Child> child(BookId group, ChildKey key) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(key, "key");
    return database.read(true, () -> children(group, key).stream().findFirst());
  }

  @Override
  public List<Child> children(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(true, () -> children(group, null));
  }

  @Override
  public void addChild(BookId group, Child child) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(child, "child");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_child (book_id, child_key, member_id, birth_year, recorded_at) VALUES (?, ?, ?, ?, ?)");
      insert.setString(1, group.value());
      insert.setString(2, child.key().value());
      insert.setString(3, child.member().value());
      insert.setInt(4, child.birthYear());
      insert.setString(5, Database.now());
      insert.executeUpdate();
      for (SchoolStatusChange change : child.statuses()) {
        insertStatus(group, child.key(), change);
      }
      return null;
    });
  }

  @Override
  public void addSchoolStatus(BookId group, ChildKey key, SchoolStatusChange change) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(change, "change");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      insertStatus(group, key, change);
      return null;
    });
  }

  private void insertStatus(BookId group, ChildKey key, SchoolStatusChange change) throws SQLException {
    PreparedStatement insert = database.prepare(
        "INSERT INTO programme_child_status (book_id, child_key, status_seq, status, status_epoch_day, recorded_at)"
            + " SELECT ?, ?, COALESCE(MAX(status_seq), 0) + 1, ?, ?, ? FROM programme_child_status"
            + " WHERE book_id = ? AND child_key = ?");
    insert.setString(1, group.value());
    insert.setString(2, key.value());
    insert.setString(3, change.status().name());
    insert.setLong(4, change.date().toEpochDay());
    insert.setString(5, Database.now());
    insert.setString(6, group.value());
    insert.setString(7, key.value());
    insert.executeUpdate();
  }

  /** The group's children, or the one with a key, each with her status history. */
  private List<Child> children(BookId group, ChildKey only) throws SQLException {
    String oneChild = only == null ? "" : " AND c.child_key = ?";
    PreparedStatement query = database.prepare(
        "SELECT c.child_key, c.member_id, c.birth_year, s.status, s.status_epoch_day"
            + " FROM programme_child c JOIN programme_child_status s"
            + " ON s.book_id = c.book_id AND s.child_key = c.child_key"
            + " WHERE c.book_id = ?" + oneChild + " ORDER BY c.child_key, s.status_seq");
    query.setString(1, group.value());
    if (only != null) {
      query.setString(2, only.value());
    }
    List<Child> children = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      boolean more = rows.next();
      while (more) {
        String key = rows.getString(1);
        MemberId member = MemberId.of(rows.getString(2));
        int birthYear = rows.getInt(3);
        List<SchoolStatusChange> statuses = new ArrayList<>();
        while (more && rows.getString(1).equals(key)) {
          statuses.add(new SchoolStatusChange(LocalDate.ofEpochDay(rows.getLong(5)), SchoolStatus.valueOf(rows.getString(4))));
          more = rows.next();
        }
        children.add(new Child(ChildKey.of(key), member, birthYear, statuses));
      }
    }
    // in Java's order, not the database's collation
    children.sort(Comparator.comparing(Child::key));
    return List.copyOf(children);
  }

  // ---- trainings ----

  @Override
  public Optional<Training> training(BookId group, TrainingId id) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(id, "id");
    return database.read(true, () -> trainings(group, id).stream().findFirst());
  }

  @Override
  public List<Training> trainings(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(true, () -> trainings(group, null));
  }

  @Override
  public void addTraining(BookId group, Training training) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(training, "training");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_training (book_id, training_id, topic, training_epoch_day, recorded_at)"
              + " VALUES (?, ?, ?, ?, ?)");
      insert.setString(1, group.value());
      insert.setString(2, training.id().value());
      insert.setString(3, training.topic().value());
      insert.setLong(4, training.date().toEpochDay());
      insert.setString(5, Database.now());
      insert.executeUpdate();
      PreparedStatement attendee = database.prepare(
          "INSERT INTO programme_training_attendee (book_id, training_id, member_id) VALUES (?, ?, ?)");
      // one statement per attendee, not a JDBC batch: a batch left behind by a failure would stay
      // on the shared statement and be sent with the next transaction's rows
      for (MemberId member : training.attendees()) {
        attendee.setString(1, group.value());
        attendee.setString(2, training.id().value());
        attendee.setString(3, member.value());
        attendee.executeUpdate();
      }
      return null;
    });
  }

  /** The group's trainings in date then id order, or the one with an id. */
  private List<Training> trainings(BookId group, TrainingId only) throws SQLException {
    String oneTraining = only == null ? "" : " AND t.training_id = ?";
    PreparedStatement query = database.prepare(
        "SELECT t.training_id, t.topic, t.training_epoch_day, a.member_id"
            + " FROM programme_training t JOIN programme_training_attendee a"
            + " ON a.book_id = t.book_id AND a.training_id = t.training_id"
            + " WHERE t.book_id = ?" + oneTraining + " ORDER BY t.training_id");
    query.setString(1, group.value());
    if (only != null) {
      query.setString(2, only.value());
    }
    List<Training> trainings = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      boolean more = rows.next();
      while (more) {
        String id = rows.getString(1);
        TrainingTopic topic = TrainingTopic.of(rows.getString(2));
        LocalDate date = LocalDate.ofEpochDay(rows.getLong(3));
        List<MemberId> attendees = new ArrayList<>();
        while (more && rows.getString(1).equals(id)) {
          attendees.add(MemberId.of(rows.getString(4)));
          more = rows.next();
        }
        trainings.add(new Training(TrainingId.of(id), topic, date, attendees));
      }
    }
    trainings.sort(Comparator.comparing(Training::date).thenComparing(Training::id));
    return List.copyOf(trainings);
  }

  // ---- loan purposes ----

  @Override
  public Optional<LoanPurpose> loanPurpose(BookId group, LoanId loan) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    return database.read(false, () -> purposes(group, loan).values().stream().findFirst());
  }

  @Override
  public Map<LoanId, LoanPurpose> loanPurposes(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> Collections.unmodifiableMap(purposes(group, null)));
  }

  @Override
  public void putLoanPurpose(BookId group, LoanId loan, LoanPurpose purpose) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(purpose, "purpose");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_loan_purpose (book_id, loan_id, version, purpose, recorded_at)"
              + " SELECT ?, ?, COALESCE(MAX(version), 0) + 1, ?, ? FROM programme_loan_purpose"
              + " WHERE book_id = ? AND loan_id = ?");
      insert.setString(1, group.value());
      insert.setString(2, loan.value());
      insert.setString(3, purpose.name());
      insert.setString(4, Database.now());
      insert.setString(5, group.value());
      insert.setString(6, loan.value());
      insert.executeUpdate();
      return null;
    });
  }

  private TreeMap<LoanId, LoanPurpose> purposes(BookId group, LoanId only) throws SQLException {
    PreparedStatement query = database.prepare(
        "SELECT p.loan_id, p.purpose FROM programme_loan_purpose p WHERE p.book_id = ?"
            + (only == null ? "" : " AND p.loan_id = ?") + " AND " + LATEST_PURPOSE);
    query.setString(1, group.value());
    if (only != null) {
      query.setString(2, only.value());
    }
    TreeMap<LoanId, LoanPurpose> purposes = new TreeMap<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        purposes.put(LoanId.of(rows.getString(1)), LoanPurpose.valueOf(rows.getString(2)));
      }
    }
    return purposes;
  }

  // ---- pseudonym secret ----

  @Override
  public byte[] pseudonymSecret() {
    Optional<byte[]> stored = database.read(false, this::storedSecret);
    if (stored.isPresent()) {
      return stored.get();
    }
    // two processes may both get here: the second's insert meets the first's row, and on
    // PostgreSQL the transaction is run again and finds it; SQLite's writers take turns
    return database.write(List.of(), () -> {
      Optional<byte[]> raced = storedSecret();
      if (raced.isPresent()) {
        return raced.get();
      }
      byte[] secret = new byte[SECRET_BYTES];
      new SecureRandom().nextBytes(secret);
      PreparedStatement insert = database.prepare(
          "INSERT INTO pseudonym_secret (secret_id, secret_hex, created_at) VALUES (1, ?, ?)");
      insert.setString(1, HexFormat.of().formatHex(secret));
      insert.setString(2, Database.now());
      insert.executeUpdate();
      return secret;
    });
  }

  private Optional<byte[]> storedSecret() throws SQLException {
    PreparedStatement query = database.prepare("SELECT secret_hex FROM pseudonym_secret WHERE secret_id = 1");
    try (ResultSet row = query.executeQuery()) {
      return row.next() ? Optional.of(HexFormat.of().parseHex(row.getString(1).strip())) : Optional.empty();
    }
  }

  // ---- shared ----

  /** A group's registers are kept with its book; the book's row is also what writers lock. */
}
