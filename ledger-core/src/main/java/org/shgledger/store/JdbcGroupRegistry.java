package org.shgledger.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.shgledger.group.Attendance;
import org.shgledger.group.BankLoan;
import org.shgledger.group.BearerTerm;
import org.shgledger.group.Group;
import org.shgledger.group.GroupRegistry;
import org.shgledger.group.LoanEvent;
import org.shgledger.group.LoanId;
import org.shgledger.group.Meeting;
import org.shgledger.group.Member;
import org.shgledger.group.MemberId;
import org.shgledger.group.MemberLoan;
import org.shgledger.journal.BookId;
import org.shgledger.journal.JournalException;
import org.shgledger.journal.Rejection;
import org.shgledger.store.RegistryChain.Table;
import org.shgledger.store.RegistryRows.Cursor;
import org.shgledger.store.RegistryRows.Parameters;

/**
 * A {@link GroupRegistry} kept in the same database as the {@link JdbcJournal} of its {@link
 * LedgerStore}, on the same connection, so that one SQLite file (or one PostgreSQL schema) holds a
 * group's whole books. Get it from {@link LedgerStore#registry()}.
 *
 * <p>What is put is what is got: every record reads back {@code equals} to what was written, and
 * the lists come in the orders {@link GroupRegistry} documents, as from {@link
 * org.shgledger.group.InMemoryGroupRegistry}. It differs from that only where the database does:
 *
 * <ul>
 *   <li>a group's records are kept with its book, which must exist in the journal first ({@link
 *       org.shgledger.group.SavingsGroups#createGroup} creates it): a write for a book that does
 *       not exist throws {@link JournalException} {@link Rejection#BOOK_NOT_FOUND};
 *   <li>a name holding a NUL character or half a surrogate pair is refused with {@link
 *       StoreException.Kind#UNSTORABLE_TEXT}, and loan terms that could not be read back exactly
 *       with {@link StoreException.Kind#UNSTORABLE_VALUE}, before anything is written;
 *   <li>{@link StoreException} {@link StoreException.Kind#BUSY} or {@link
 *       StoreException.Kind#FAILED} as for the journal.
 * </ul>
 *
 * <p>Nothing is updated or deleted. Terms, attendance and loan events are added; putting a group,
 * member, meeting or loan that differs from the one stored adds a new version of it (putting an
 * equal one writes nothing), and the latest version is the record. Each write is one transaction
 * that keeps other writers to the book out, as the journal's do (docs/store.md).
 */
public final class JdbcGroupRegistry implements GroupRegistry {

  private static final String LATEST_GROUP =
      "g.version = (SELECT MAX(l.version) FROM savings_group l WHERE l.book_id = g.book_id)";
  private static final String LATEST_MEMBER =
      "m.version = (SELECT MAX(l.version) FROM group_member l"
          + " WHERE l.book_id = m.book_id AND l.member_id = m.member_id)";
  private static final String LATEST_MEETING =
      "m.version = (SELECT MAX(l.version) FROM meeting l"
          + " WHERE l.book_id = m.book_id AND l.meeting_epoch_day = m.meeting_epoch_day)";
  private static final String LATEST_LOAN =
      "m.version = (SELECT MAX(l.version) FROM member_loan l"
          + " WHERE l.book_id = m.book_id AND l.loan_id = m.loan_id)";

  private final Database database;

  JdbcGroupRegistry(Database database) {
    this.database = database;
  }

  /** A record and its version number. */
  private record Versioned<T>(int version, T value) {}

  // ---- groups ----

  /**
   * The groups read inside one write transaction: an engine operation asks for its group several
   * times (the date check, the operation, each member look-up), and the server's request once
   * more for its currency; inside the transaction, which holds the book, the row cannot change
   * but by {@link #putGroup}, which forgets it.
   */
  private static final class GroupsRead {
    final Map<BookId, Optional<Group>> groups = new HashMap<>();
  }

  @Override
  public Optional<Group> group(BookId code) {
    Objects.requireNonNull(code, "code");
    return database.read(false, () -> {
      if (!database.inWriteTransaction()) {
        return latestGroup(code).map(Versioned::value);
      }
      Map<BookId, Optional<Group>> read = database.transactionScoped(GroupsRead.class, GroupsRead::new).groups;
      Optional<Group> group = read.get(code);
      if (group == null) {
        group = latestGroup(code).map(Versioned::value);
        read.put(code, group);
      }
      return group;
    });
  }

  @Override
  public List<Group> groups() {
    return database.read(false, () -> sorted(
        query(Table.SAVINGS_GROUP, "SELECT " + RegistryRows.GROUP_COLUMNS + " FROM savings_group g WHERE " + LATEST_GROUP,
            RegistryRows::group),
        Group::code));
  }

  @Override
  public void putGroup(Group group) {
    Objects.requireNonNull(group, "group");
    SqlView.checkStorable("name of group " + group.code(), group.name());
    try {
      putVersion(group.code(), group, () -> latestGroup(group.code()),
          "INSERT INTO savings_group (version, recorded_at, " + RegistryRows.GROUP_COLUMNS + ")"
              + " VALUES (?, ?, " + RegistryRows.placeholders(RegistryRows.GROUP_COLUMNS) + ")",
          columns -> RegistryRows.write(columns, group), Table.SAVINGS_GROUP);
    } finally {
      // written, or failed half way: either way the transaction's copy is not to be trusted
      database.forgetTransactionScoped(GroupsRead.class);
    }
  }

  private Optional<Versioned<Group>> latestGroup(BookId code) throws SQLException {
    return latest(Table.SAVINGS_GROUP,
        "SELECT version, " + RegistryRows.GROUP_COLUMNS + " FROM savings_group WHERE book_id = ?"
            + " ORDER BY version DESC LIMIT 1",
        RegistryRows::group, code.value());
  }

  // ---- members ----

  @Override
  public Optional<Member> member(BookId group, MemberId member) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(member, "member");
    return database.read(false, () -> latestMember(group, member).map(Versioned::value));
  }

  @Override
  public List<Member> members(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> sorted(
        query(Table.GROUP_MEMBER, "SELECT " + RegistryRows.MEMBER_COLUMNS + " FROM group_member m WHERE m.book_id = ? AND "
            + LATEST_MEMBER, RegistryRows::member, group.value()),
        Member::id));
  }

  @Override
  public void putMember(BookId group, Member member) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(member, "member");
    SqlView.checkStorable("name of member " + member.id(), member.name());
    member.bankAccount().ifPresent(
        account -> SqlView.checkStorable("bank name of member " + member.id(), account.bankName()));
    putVersion(group, member, () -> latestMember(group, member.id()),
        "INSERT INTO group_member (version, recorded_at, book_id, " + RegistryRows.MEMBER_COLUMNS + ")"
            + " VALUES (?, ?, ?, " + RegistryRows.placeholders(RegistryRows.MEMBER_COLUMNS) + ")",
        columns -> RegistryRows.write(columns.text(group.value()), member), Table.GROUP_MEMBER, member.id().value());
  }

  private Optional<Versioned<Member>> latestMember(BookId group, MemberId member) throws SQLException {
    return latest(Table.GROUP_MEMBER,
        "SELECT version, " + RegistryRows.MEMBER_COLUMNS + " FROM group_member"
            + " WHERE book_id = ? AND member_id = ? ORDER BY version DESC LIMIT 1",
        RegistryRows::member, group.value(), member.value());
  }

  // ---- office-bearer terms ----

  @Override
  public List<BearerTerm> terms(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> List.copyOf(query(Table.BEARER_TERM,
        "SELECT " + RegistryRows.TERM_COLUMNS + " FROM bearer_term WHERE book_id = ? ORDER BY term_seq",
        RegistryRows::term, group.value())));
  }

  @Override
  public void addTerm(BookId group, BearerTerm term) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(term, "term");
    database.write(List.of(group), () -> {
      requireBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO bearer_term (book_id, term_seq, recorded_at, " + RegistryRows.TERM_COLUMNS + ")"
              + " SELECT ?, COALESCE(MAX(term_seq), 0) + 1, ?, "
              + RegistryRows.placeholders(RegistryRows.TERM_COLUMNS)
              + " FROM bearer_term WHERE book_id = ?");
      insert.setString(1, group.value());
      insert.setString(2, Database.now());
      Parameters parameters = new Parameters(insert, 3);
      RegistryRows.write(parameters, term);
      parameters.text(group.value());
      insert.executeUpdate();
      RegistryChain.recordNumbered(database, group, Table.BEARER_TERM);
      return null;
    });
  }

  // ---- meetings ----

  @Override
  public Optional<Meeting> meeting(BookId group, LocalDate date) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(date, "date");
    return database.read(false, () -> latestMeetings(group, date).stream().findFirst().map(Versioned::value));
  }

  @Override
  public List<Meeting> meetings(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> latestMeetings(group, null).stream().map(Versioned::value).toList());
  }

  @Override
  public void putMeeting(Meeting meeting) {
    Objects.requireNonNull(meeting, "meeting");
    database.write(List.of(meeting.group()), () -> {
      requireBook(meeting.group());
      Optional<Versioned<Meeting>> latest = latestMeetings(meeting.group(), meeting.date()).stream().findFirst();
      if (isSame(latest, meeting)) {
        return null;
      }
      int version = latest.map(v -> v.version() + 1).orElse(1);
      PreparedStatement insert = database.prepare(
          "INSERT INTO meeting (book_id, meeting_epoch_day, version, recorded_at) VALUES (?, ?, ?, ?)");
      insert.setString(1, meeting.group().value());
      insert.setLong(2, meeting.date().toEpochDay());
      insert.setInt(3, version);
      insert.setString(4, Database.now());
      insert.executeUpdate();
      PreparedStatement roll = database.prepare(
          "INSERT INTO meeting_attendance (book_id, meeting_epoch_day, version, member_id, attendance)"
              + " VALUES (?, ?, ?, ?, ?)");
      // one statement per member, not a JDBC batch: a batch left behind by a failure would stay
      // on the shared statement and be sent with the next transaction's rows
      for (Map.Entry<MemberId, Attendance> answer : meeting.attendance().entrySet()) {
        roll.setString(1, meeting.group().value());
        roll.setLong(2, meeting.date().toEpochDay());
        roll.setInt(3, version);
        roll.setString(4, answer.getKey().value());
        roll.setString(5, answer.getValue().name());
        roll.executeUpdate();
      }
      RegistryChain.recordInserted(database, meeting.group(), Table.MEETING, meeting.date().toEpochDay(), version);
      if (!meeting.attendance().isEmpty()) {
        RegistryChain.recordInserted(
            database, meeting.group(), Table.MEETING_ATTENDANCE, meeting.date().toEpochDay(), version);
      }
      return null;
    });
  }

  /** The latest version of each meeting of a group in date order, or of its meeting on one date. */
  private List<Versioned<Meeting>> latestMeetings(BookId group, LocalDate date) throws SQLException {
    PreparedStatement query = database.prepare(
        "SELECT m.meeting_epoch_day, m.version, a.member_id, a.attendance FROM meeting m"
            + " LEFT JOIN meeting_attendance a ON a.book_id = m.book_id"
            + " AND a.meeting_epoch_day = m.meeting_epoch_day AND a.version = m.version"
            + " WHERE m.book_id = ? AND " + LATEST_MEETING
            + (date == null ? "" : " AND m.meeting_epoch_day = ?")
            + " ORDER BY m.meeting_epoch_day");
    query.setString(1, group.value());
    if (date != null) {
      query.setLong(2, date.toEpochDay());
    }
    List<Versioned<Meeting>> meetings = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      boolean more = rows.next();
      while (more) {
        long day = rows.getLong(1);
        int version = rows.getInt(2);
        Map<MemberId, Attendance> attendance = new TreeMap<>();
        try {
          while (more && rows.getLong(1) == day) {
            String member = rows.getString(3);
            if (member != null) {
              attendance.put(MemberId.of(member), Attendance.valueOf(rows.getString(4)));
            }
            more = rows.next();
          }
          meetings.add(new Versioned<>(version, new Meeting(group, LocalDate.ofEpochDay(day), attendance)));
        } catch (RuntimeException e) {
          throw RegistryRows.unreadable(group, "meeting", "meeting_epoch_day=" + day + ", version=" + version, e);
        }
      }
    }
    return meetings;
  }

  // ---- loans ----

  @Override
  public Optional<MemberLoan> loan(BookId group, LoanId loan) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    return database.read(false, () -> latestLoan(group, loan).map(Versioned::value));
  }

  @Override
  public List<MemberLoan> loans(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> sorted(
        query(Table.MEMBER_LOAN, "SELECT " + RegistryRows.LOAN_COLUMNS + " FROM member_loan m WHERE m.book_id = ? AND "
            + LATEST_LOAN, RegistryRows::loan, group.value()),
        MemberLoan::id));
  }

  @Override
  public List<MemberLoan> loansOf(BookId group, MemberId member) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(member, "member");
    return database.read(false, () -> sorted(
        query(Table.MEMBER_LOAN, "SELECT " + RegistryRows.LOAN_COLUMNS + " FROM member_loan m WHERE m.book_id = ? AND m.member_id = ? AND "
            + LATEST_LOAN, RegistryRows::loan, group.value(), member.value()),
        MemberLoan::id));
  }

  @Override
  public void putLoan(BookId group, MemberLoan loan) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    RegistryRows.requireRestorable(group, loan);
    putVersion(group, loan, () -> latestLoan(group, loan.id()),
        "INSERT INTO member_loan (version, recorded_at, book_id, " + RegistryRows.LOAN_COLUMNS + ")"
            + " VALUES (?, ?, ?, " + RegistryRows.placeholders(RegistryRows.LOAN_COLUMNS) + ")",
        columns -> RegistryRows.write(columns.text(group.value()), loan), Table.MEMBER_LOAN, loan.id().value());
  }

  private Optional<Versioned<MemberLoan>> latestLoan(BookId group, LoanId loan) throws SQLException {
    return latest(Table.MEMBER_LOAN,
        "SELECT version, " + RegistryRows.LOAN_COLUMNS + " FROM member_loan"
            + " WHERE book_id = ? AND loan_id = ? ORDER BY version DESC LIMIT 1",
        RegistryRows::loan, group.value(), loan.value());
  }

  // ---- loan events ----

  @Override
  public List<LoanEvent> loanEvents(BookId group, LoanId loan) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    return database.read(false, () -> List.copyOf(query(Table.LOAN_EVENT,
        "SELECT " + RegistryRows.EVENT_COLUMNS + " FROM loan_event WHERE book_id = ? AND loan_id = ?"
            + " ORDER BY event_seq",
        RegistryRows::event, group.value(), loan.value())));
  }

  @Override
  public Map<LoanId, List<LoanEvent>> loanEvents(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> {
      Map<LoanId, List<LoanEvent>> events = new HashMap<>();
      for (Map.Entry<LoanId, LoanEvent> row : query(Table.LOAN_EVENT,
          "SELECT loan_id, " + RegistryRows.EVENT_COLUMNS + " FROM loan_event WHERE book_id = ?"
              + " ORDER BY loan_id, event_seq",
          columns -> Map.entry(LoanId.of(columns.text()), RegistryRows.event(columns)), group.value())) {
        events.computeIfAbsent(row.getKey(), loan -> new ArrayList<>()).add(row.getValue());
      }
      return events;
    });
  }

  @Override
  public void addLoanEvent(BookId group, LoanId loan, LoanEvent event) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    Objects.requireNonNull(event, "event");
    database.write(List.of(group), () -> {
      requireBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO loan_event (book_id, loan_id, event_seq, recorded_at, " + RegistryRows.EVENT_COLUMNS
              + ") SELECT ?, ?, COALESCE(MAX(event_seq), 0) + 1, ?, "
              + RegistryRows.placeholders(RegistryRows.EVENT_COLUMNS)
              + " FROM loan_event WHERE book_id = ? AND loan_id = ?");
      insert.setString(1, group.value());
      insert.setString(2, loan.value());
      insert.setString(3, Database.now());
      Parameters parameters = new Parameters(insert, 4);
      RegistryRows.write(parameters, event);
      parameters.text(group.value()).text(loan.value());
      insert.executeUpdate();
      RegistryChain.recordNumbered(database, group, Table.LOAN_EVENT, loan.value());
      return null;
    });
  }

  // ---- bank loans ----

  @Override
  public List<BankLoan> bankLoans(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(false, () -> {
      List<BankLoan> loans = new ArrayList<>(query(Table.BANK_LOAN,
          "SELECT " + RegistryRows.BANK_LOAN_COLUMNS + " FROM bank_loan WHERE book_id = ?",
          RegistryRows::bankLoan, group.value()));
      // ordered here, not by the database, whose collation may not be Java's order
      loans.sort(BankLoan.RECEIVED_ORDER);
      return List.copyOf(loans);
    });
  }

  @Override
  public void putBankLoan(BookId group, BankLoan loan) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(loan, "loan");
    database.write(List.of(group), () -> {
      requireBook(group);
      PreparedStatement existing = database.prepare(
          "SELECT 1 FROM bank_loan WHERE book_id = ? AND receipt_entry_id = ?");
      existing.setString(1, group.value());
      existing.setString(2, loan.receipt().value());
      try (ResultSet row = existing.executeQuery()) {
        if (row.next()) {
          return null; // a receipt's terms are written once; a repeat writes nothing
        }
      }
      PreparedStatement insert = database.prepare(
          "INSERT INTO bank_loan (book_id, recorded_at, " + RegistryRows.BANK_LOAN_COLUMNS + ")"
              + " VALUES (?, ?, " + RegistryRows.placeholders(RegistryRows.BANK_LOAN_COLUMNS) + ")");
      insert.setString(1, group.value());
      insert.setString(2, Database.now());
      RegistryRows.write(new Parameters(insert, 3), loan);
      insert.executeUpdate();
      RegistryChain.recordInserted(database, group, Table.BANK_LOAN, loan.receipt().value());
      return null;
    });
  }

  // ---- shared ----

  /** Reads a record from a row's columns, left to right. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(Cursor columns) throws SQLException;
  }

  /**
   * Every row of a query whose parameters are texts, each read from its first column on. A row
   * that cannot be read (changed outside the library) is a {@link StoreException} naming it.
   */
  private <T> List<T> query(Table table, String sql, RowReader<T> reader, String... parameters)
      throws SQLException {
    PreparedStatement query = database.prepare(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setString(i + 1, parameters[i]);
    }
    List<T> records = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        try {
          records.add(reader.read(new Cursor(rows, 1)));
        } catch (RuntimeException e) {
          throw unreadable(table, rows, parameters, e);
        }
      }
    }
    return records;
  }

  /**
   * The failure for a row of a table that cannot be read, naming it by what keys it. Every query
   * here either selects book_id or takes the book as its first parameter.
   */
  private static StoreException unreadable(Table table, ResultSet row, String[] parameters, RuntimeException cause) {
    StringBuilder key = new StringBuilder();
    for (String column : table.key()) {
      String value = selected(row, column);
      if (value != null) {
        key.append(key.length() == 0 ? "" : ", ").append(column).append('=').append(value);
      }
    }
    String book = selected(row, "book_id");
    return RegistryRows.unreadable(book != null ? book : parameters.length > 0 ? parameters[0] : "?",
        table.sqlName(), key.toString(), cause);
  }

  /** A column of the row, or null when the query did not select it. */
  private static String selected(ResultSet row, String column) {
    try {
      return row.getString(column);
    } catch (SQLException notSelected) {
      return null;
    }
  }

  /** The record of a query's one row whose first column is the version, or empty. */
  private <T> Optional<Versioned<T>> latest(Table table, String sql, RowReader<T> reader, String... parameters)
      throws SQLException {
    List<Versioned<T>> rows =
        query(table, sql, columns -> new Versioned<>(columns.integer(), reader.read(columns)), parameters);
    return rows.stream().findFirst();
  }

  /** Sorted by key here, not by the database, whose collation may not be Java's order. */
  private static <T, K extends Comparable<? super K>> List<T> sorted(List<T> records, Function<T, K> key) {
    List<T> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparing(key));
    return List.copyOf(sorted);
  }

  /** A group's records are kept with its book; the book's row is also what writers lock. */
  private void requireBook(BookId book) throws SQLException {
    PreparedStatement query = database.prepare("SELECT 1 FROM book WHERE book_id = ?");
    query.setString(1, book.value());
    try (ResultSet row = query.executeQuery()) {
      if (!row.next()) {
        throw new JournalException(
            Rejection.BOOK_NOT_FOUND,
            "book " + book + " does not exist: a group's records are kept with its book, which"
                + " must be created first (SavingsGroups.createGroup does both)");
      }
    }
  }

  /** Reads the latest version of one record. */
  @FunctionalInterface
  private interface LatestQuery<T> {
    Optional<Versioned<T>> read() throws SQLException;
  }

  /** Sets an insert's parameters after the version and the recording time. */
  @FunctionalInterface
  private interface ColumnsWriter {
    void write(Parameters columns) throws SQLException;
  }

  /**
   * In one write transaction: adds a record as the version after the latest, unless the latest is
   * equal to it. The insert's first two parameters are the version and the recording time.
   */
  private <T> void putVersion(BookId book, T record, LatestQuery<T> latest, String insertSql, ColumnsWriter columns,
      Table table, Object... keyBeforeVersion) {
    database.write(List.of(book), () -> {
      requireBook(book);
      Optional<Versioned<T>> current = latest.read();
      if (isSame(current, record)) {
        return null;
      }
      int version = current.map(stored -> stored.version() + 1).orElse(1);
      PreparedStatement insert = database.prepare(insertSql);
      insert.setInt(1, version);
      insert.setString(2, Database.now());
      columns.write(new Parameters(insert, 3));
      insert.executeUpdate();
      Object[] key = java.util.Arrays.copyOf(keyBeforeVersion, keyBeforeVersion.length + 1);
      key[keyBeforeVersion.length] = version;
      RegistryChain.recordInserted(database, book, table, key);
      return null;
    });
  }

  private static <T> boolean isSame(Optional<Versioned<T>> latest, T value) {
    return latest.isPresent() && latest.get().value().equals(value);
  }
}
