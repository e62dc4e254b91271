package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.Failures;
import dev.reflex.orm.internal.UrlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On H2: a database migrated once in memory and written out as a script ({@code SCRIPT TO}), and for each
 * test class or test a new in-memory database that runs the script ({@code RUNSCRIPT FROM}), with the
 * settings (such as {@code MODE=}) of the URL given.
 */
final class H2Template extends Template {
  private final String settings;
  private final Path script;

  H2Template(DatabaseUrl base, Migrations migrations) {
    String jdbc = base.jdbcUrl();
    this.settings = jdbc.contains(";") ? jdbc.substring(jdbc.indexOf(';')) : "";
    try {
      this.script = Files.createTempFile("reflex-test-h2-", ".sql");
    } catch (IOException e) {
      throw new UncheckedIOException("Unable to create a temporary file for the H2 template: " + e, e);
    }
    DatabaseUrl template = UrlParser.parse("jdbc:h2:mem:" + uniqueName("reflex_template") + settings);
    try (Connection keeper = keeper(template)) {
      migrate(template, template.jdbcUrl(), migrations);
      run(keeper, "SCRIPT TO '" + script + "'");
    } catch (SQLException e) {
      throw new IllegalStateException("Unable to write the migrated H2 template to " + script + ": "
          + Failures.rootMessage(e), e);
    }
  }

  @Override
  public Copy copy() {
    String name = uniqueName("reflex_test");
    return inMemory(name, UrlParser.parse("jdbc:h2:mem:" + name + settings), "RUNSCRIPT FROM '" + script + "'",
        "Unable to load the H2 template into " + name);
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(script);
    } catch (IOException e) {
      // a temporary file
    }
  }
}
