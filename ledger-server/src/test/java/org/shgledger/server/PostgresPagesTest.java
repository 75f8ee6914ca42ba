package org.shgledger.server;

import org.junit.jupiter.api.AfterAll;
import org.shgledger.testing.TestPostgres;

/**
 * {@link PagesTest} over PostgreSQL, in a schema of its own: sessions, lock-outs and form keys in
 * the programme's database, good across two servers. Skipped where no server answers, unless {@code
 * SHG_REQUIRE_POSTGRES=1}.
 */
class PostgresPagesTest extends PagesTest {

  private TestPostgres.Schema schema;

  @Override
  TestServer open() {
    TestPostgres.assumeAnswers();
    schema = TestPostgres.createSchema();
    return TestServer.over(schema.url(), TestServer.echo());
  }

  @Override
  @AfterAll
  void stop() {
    super.stop();
    if (schema != null) {
      schema.close();
    }
  }
}
