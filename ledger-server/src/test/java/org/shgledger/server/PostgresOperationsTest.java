package org.shgledger.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.shgledger.testing.TestPostgres;

/**
 * {@link OperationsTest} over PostgreSQL, each test in a new schema. Skipped where no server
 * answers, unless {@code SHG_REQUIRE_POSTGRES=1}.
 */
class PostgresOperationsTest extends OperationsTest {

  private TestPostgres.Schema schema;

  @Override
  TestServer open(ReportSource reports) {
    schema = TestPostgres.createSchema();
    return TestServer.over(schema.url(), reports);
  }

  @Override
  @BeforeEach
  void start() {
    TestPostgres.assumeAnswers();
    super.start();
  }

  @Override
  @AfterEach
  void stop() {
    super.stop();
    if (schema != null) {
      schema.close();
    }
  }
}
