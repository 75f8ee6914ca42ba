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
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.shgledger.group.LoanId;
import org.shgledger.group.MemberId;
import org.shgledger.journal.BookId;
import org.shgledger.programme.IncomeReading;
import org.shgledger.programme.Livelihood;
import org.shgledger.programme.LivelihoodActivity;
import org.shgledger.programme.LivelihoodId;
import org.shgledger.programme.LivelihoodRegister;
import org.shgledger.store.RegistryChain.Table;

/**
 * A {@link LivelihoodRegister} in the same database as the books (schema: migration
 * V12__livelihoods_outreach.sql), on the same connection. Get it from {@link
 * JdbcProgrammeRegister#livelihoods()}. Rows are inserted only, each recorded in the book's
 * registry chain in the transaction that inserts it (docs/store.md).
 */
public final class JdbcLivelihoodRegister implements LivelihoodRegister {

  private final Database database;

  JdbcLivelihoodRegister(Database database) {
    this.database = database;
  }

  @Override
  public Optional<Livelihood> livelihood(BookId group, LivelihoodId id) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(id, "id");
    return database.read(true, () -> livelihoods(group, id).stream().findFirst());
  }

  @Override
  public List<Livelihood> livelihoods(BookId group) {
    Objects.requireNonNull(group, "group");
    return database.read(true, () -> livelihoods(group, null));
  }

  @Override
  public void addLivelihood(BookId group, Livelihood livelihood) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(livelihood, "livelihood");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      PreparedStatement insert = database.prepare(
          "INSERT INTO programme_livelihood (book_id, livelihood_id, member_id, activity, started_epoch_day, loan_id,"
              + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
      insert.setString(1, group.value());
      insert.setString(2, livelihood.id().value());
      insert.setString(3, livelihood.member().value());
      insert.setString(4, livelihood.activity().name());
      insert.setLong(5, livelihood.started().toEpochDay());
      insert.setString(6, livelihood.loan().map(LoanId::value).orElse(null));
      insert.setString(7, Database.now());
      insert.executeUpdate();
      RegistryChain.recordInserted(database, group, Table.LIVELIHOOD, livelihood.id().value());
      for (IncomeReading reading : livelihood.readings()) {
        insertReading(group, livelihood.id(), reading);
      }
      return null;
    });
  }

  @Override
  public void addReading(BookId group, LivelihoodId id, IncomeReading reading) {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(reading, "reading");
    database.write(List.of(group), () -> {
      database.requireRegistersBook(group);
      insertReading(group, id, reading);
      return null;
    });
  }

  private void insertReading(BookId group, LivelihoodId id, IncomeReading reading) throws SQLException {
    PreparedStatement insert = database.prepare(
        "INSERT INTO programme_livelihood_reading (book_id, livelihood_id, reading_seq, reading_epoch_day, currency,"
            + " monthly_income_minor, recorded_at)"
            + " SELECT ?, ?, COALESCE(MAX(reading_seq), 0) + 1, ?, ?, ?, ? FROM programme_livelihood_reading"
            + " WHERE book_id = ? AND livelihood_id = ?");
    insert.setString(1, group.value());
    insert.setString(2, id.value());
    insert.setLong(3, reading.date().toEpochDay());
    insert.setString(4, reading.monthlyIncome().getCurrencyUnit().getCode());
    insert.setLong(5, reading.monthlyIncome().getAmountMinorLong());
    insert.setString(6, Database.now());
    insert.setString(7, group.value());
    insert.setString(8, id.value());
    insert.executeUpdate();
    RegistryChain.recordNumbered(database, group, Table.LIVELIHOOD_READING, id.value());
  }

  /** The group's activities in id order, or the one with an id, each with its readings. */
  private List<Livelihood> livelihoods(BookId group, LivelihoodId only) throws SQLException {
    String one = only == null ? "" : " AND l.livelihood_id = ?";
    PreparedStatement query = database.prepare(
        "SELECT l.livelihood_id, l.member_id, l.activity, l.started_epoch_day, l.loan_id, r.reading_epoch_day,"
            + " r.currency, r.monthly_income_minor"
            + " FROM programme_livelihood l LEFT JOIN programme_livelihood_reading r"
            + " ON r.book_id = l.book_id AND r.livelihood_id = l.livelihood_id"
            + " WHERE l.book_id = ?" + one + " ORDER BY l.livelihood_id, r.reading_seq");
    query.setString(1, group.value());
    if (only != null) {
      query.setString(2, only.value());
    }
    Map<String, Livelihood> found = new LinkedHashMap<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString(1);
        Livelihood livelihood = found.get(id);
        if (livelihood == null) {
          livelihood = new Livelihood(LivelihoodId.of(id), MemberId.of(rows.getString(2)),
              LivelihoodActivity.valueOf(rows.getString(3)), LocalDate.ofEpochDay(rows.getLong(4)),
              Optional.ofNullable(rows.getString(5)).map(LoanId::of), List.of());
        }
        String currency = rows.getString(7);
        if (currency != null) {
          livelihood = livelihood.with(new IncomeReading(LocalDate.ofEpochDay(rows.getLong(6)),
              Money.ofMinor(CurrencyUnit.of(currency.trim()), rows.getLong(8))));
        }
        found.put(id, livelihood);
      }
    }
    List<Livelihood> livelihoods = new ArrayList<>(found.values());
    // in Java's order, not the database's collation
    livelihoods.sort(Comparator.comparing(Livelihood::id));
    return List.copyOf(livelihoods);
  }

  /** A group's register is kept with its book; the book's row is also what writers lock. */
}
