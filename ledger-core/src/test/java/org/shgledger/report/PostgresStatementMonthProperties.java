package org.shgledger.report;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shgledger.testing.TestPostgres;

/**
 * The statement's month rows on PostgreSQL, a new schema per life; fewer tries, since every step
 * is many round trips to the server. Skipped where no server answers, failed instead under {@code
 * SHG_REQUIRE_POSTGRES=1}.
 */
@PropertyDefaults(tries = 5)
@AddLifecycleHook(TestPostgres.Skip.class)
class PostgresStatementMonthProperties extends StatementMonthProperties {

  private static final List<TestPostgres.Schema> SCHEMAS = new ArrayList<>();

  @Override
  protected String newDatabaseUrl() {
    TestPostgres.Schema schema = TestPostgres.createSchema();
    synchronized (SCHEMAS) {
      SCHEMAS.add(schema);
    }
    return schema.url();
  }

  @AfterContainer
  static void dropTheSchemas() {
    synchronized (SCHEMAS) {
      SCHEMAS.forEach(TestPostgres.Schema::close);
      SCHEMAS.clear();
    }
  }
}
