package dev.reflex.orm.test.internal;

import dev.reflex.db.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Drivers;
import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.UrlParser;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * On SQLite in memory ({@code sqlite:///:memory:}): a file migrated once, as for {@link SqliteTemplate}, and for
 * each test class or test a new in-memory database that SQLite's backup API fills from it ({@code restore from},
 * of the SQLite driver), so nothing runs a changeset again.
 */
final class SqliteMemoryTemplate extends Template {
  private final SqliteTemplate file;

  SqliteMemoryTemplate(Migrations migrations) {
    this.file = new SqliteTemplate(migrations);
  }

  @Override
  public Copy copy() {
    String name = uniqueName("reflex_test");
    // a named shared-cache database, as the library makes of sqlite:///:memory:, so the pool sees this one
    DatabaseUrl url = UrlParser.parse("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared");
    Connection keeper = null;
    try {
      // the database lives as long as a connection to it: this one, until the copy is closed
      keeper = Drivers.forUrl(url.jdbcUrl(), url.masked()).connect(url.jdbcUrl(), new Properties());
      try (Statement statement = keeper.createStatement()) {
        statement.executeUpdate("restore from '" + file.file() + "'");
      }
      Connection kept = keeper;
      return new Copy(name, pool(url, url.jdbcUrl()), () -> close(kept));
    } catch (SQLException | RuntimeException e) {
      close(keeper);
      throw new IllegalStateException("Unable to load the migrated SQLite template into memory (" + name + "): "
          + Failures.rootMessage(e), e);
    }
  }

  private static void close(Connection keeper) {
    try {
      if (keeper != null) {
        keeper.close();
      }
    } catch (SQLException e) {
      // the database goes with its last connection either way
    }
  }

  @Override
  public void close() {
    file.close();
  }
}
