/**
 * shg-ledger's library: money, the double-entry journal, the savings-group engine, imports,
 * reports and the durable store, for applications that keep a Self Help Group's books.
 *
 * <p>Only the packages an embedding application calls are exported. What is left out is not API
 * and may change in any release: the rule checker and state view for {@code Journal} implementers
 * ({@code org.shgledger.journal.spi}), the statement's per-entry rule and month rows that the
 * reports and the store share ({@code org.shgledger.report.spi}), the text readers behind the
 * imports ({@code org.shgledger.importing.text}) and the made-up books for demos and benchmarks
 * ({@code org.shgledger.sample}). A test pins the exported set, so widening it is a deliberate change.
 */
// PostgreSQL's driver is an automatic module (no module-info of its own), which the lint warns of.
@SuppressWarnings("requires-automatic")
module org.shgledger.core {
  // Money, SQLException and the SQL failures in StoreException appear in public signatures.
  requires transitive java.sql;
  requires transitive org.joda.money;
  requires org.apache.commons.csv;
  // Bank statements sent as spreadsheets: optional, read only when a file is one (docs/decisions.md).
  requires static org.apache.poi.poi;
  requires static org.apache.poi.ooxml;
  // SQLite is the embedded default, always there. PostgreSQL's driver is optional (docs/api.md):
  // a server application adds its jar, which the module system then resolves as a provider of
  // java.sql's Driver service, so this module reads it with no --add-modules; without it, a
  // PostgreSQL URL is refused with that advice.
  requires org.xerial.sqlitejdbc;
  requires static org.postgresql.jdbc;

  exports org.shgledger;
  exports org.shgledger.money;
  exports org.shgledger.journal;
  exports org.shgledger.loan;
  exports org.shgledger.group;
  exports org.shgledger.importing;
  exports org.shgledger.importing.books;
  exports org.shgledger.importing.passbook;
  exports org.shgledger.importing.register;
  exports org.shgledger.report;
  exports org.shgledger.unit;
  exports org.shgledger.programme;
  exports org.shgledger.store;
}
