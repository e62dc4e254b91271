package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A server URL that names no database: PostgreSQL's driver connects to the database named as the user, MariaDB's to
 * none. It went silently to {@code postgres} (issue 25); now one INFO line at build says which, with the URL masked.
 */
class NoDatabaseTest {
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "postgresql://postgres@127.0.0.1:5432|postgresql://postgres@127.0.0.1:5432 names no database: PostgreSQL uses"
          + " postgres, the database named as the user; name the database in the URL's path to choose it",
      "postgresql://app:s3cret@db/?sslmode=disable|postgresql://app:***@db/?sslmode=disable names no database:"
          + " PostgreSQL uses app, the database named as the user; name the database in the URL's path to choose it",
      "mariadb://root@127.0.0.1:3306|mariadb://root@127.0.0.1:3306 names no database: MariaDB selects none, so a"
          + " statement on a table without its database fails; name the database in the URL's path to choose it",
      "postgresql://postgres@127.0.0.1:5432/app|",
      "mariadb://root@127.0.0.1:3306/app|",
      "jdbc:postgresql://127.0.0.1:5432/app?user=postgres|",
      "sqlite:///reflex.db|"})
  void theNoteSaysWhichDatabaseTheServerPicks(String url, String note) {
    assertThat(UrlParser.parse(url).noDatabaseNote()).isEqualTo(note);
  }

  @Test
  void aPostgresUrlWithoutDatabaseWithoutUserUsesTheJvmsUserName() {
    assertThat(UrlParser.parse("postgresql://127.0.0.1:5432").noDatabaseNote())
        .contains("PostgreSQL uses " + System.getProperty("user.name") + ", the database named as the user");
  }

  @Test
  void buildingOnAPostgresUrlWithoutDatabaseSaysOnceWhichDatabaseItUses() throws SQLException {
    String server = TestDatabases.postgresUrl();
    String noDatabase = server.substring(0, server.indexOf('/', server.indexOf('@'))); // the test server's, no path
    String user = UrlParser.parse(server).user();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream err = System.err;
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple writes to the current one
    try (ReflexDatabase db = ReflexDatabase.builder().url(noDatabase).provider("jdbc-test").build();
        ReflexSession session = db.session();
        ResultSet rows = session.unwrap(Connection.class).createStatement().executeQuery("select current_database()")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo(user);
    } finally {
      System.setErr(err);
    }
    assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(line -> line.contains("names no database")))
        .containsExactly("[main] INFO dev.reflex.orm.internal.Resources - " + noDatabase + " names no database:"
            + " PostgreSQL uses " + user + ", the database named as the user; name the database in the URL's path to"
            + " choose it");
  }
}
