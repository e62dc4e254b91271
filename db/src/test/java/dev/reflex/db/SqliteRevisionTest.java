package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code revision --autogenerate} on SQLite, the default, with a model shaped like a real application (the web shop:
 * fifteen entities, {@code Long} IDENTITY ids, {@code Instant} and {@code LocalDateTime} columns, unique codes,
 * many-to-one links, enums, a join table). From an empty database the revision applies, Hibernate's validation
 * passes, a second revision finds nothing, and the same file runs on PostgreSQL and MariaDB, where Hibernate
 * validates too. On a database holding rows, what SQLite cannot alter is held back in one line each, and the rest
 * applies with no row lost.
 */
class SqliteRevisionTest {
  private static final String SHOP = "dev.reflex.db.shop.";

  @TempDir
  Path project;

  @Test
  void aRealModelRoundTripsOnSqliteAndItsRevisionRunsOnPostgresqlAndMariadb() throws Exception {
    String sqlite = "sqlite:///" + project.resolve("app.db");
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", sqlite);
    assertThat(reflexDb.run("init", "--empty").exitCode()).isZero();

    Launcher.Result first = autogenerate(reflexDb, "v1", "shop");
    String written = Files.readString(Revisions.changeFiles(project).get(0));
    // once a TIMESTAMP of precision 2000000000 that Liquibase refused, SQLite's own unique indexes, typeless ids
    assertThat(written).doesNotContain("2000000000", "sqlite_autoindex", "type: (")
        .contains("type: TIMESTAMP(6)", "type: BOOLEAN", "type: DECIMAL(12, 2)", "referencedTableName: customers");
    assertThat(first.out()).doesNotContain("left out", "held back");
    update(reflexDb);
    Revisions.hibernateValidates(sqlite, SHOP + "v1");
    Launcher.Result again = autogenerate(reflexDb, "v1", "nothing new");
    assertThat(again.out()).contains("no changes").doesNotContain("left out", "held back");
    assertThat(Revisions.changeFiles(project)).hasSize(1);
    insertCustomersWithoutIds(sqlite);

    for (TestDatabase server : List.of(TestDatabase.POSTGRESQL, TestDatabase.MARIADB)) {
      String url = server.freshUrl();
      Launcher.Result update = new Launcher(project).env("REFLEX_DB_URL", url).run("update");
      assertThat(update.exitCode()).as("%s: %s", server, update).isZero();
      Revisions.hibernateValidates(url, SHOP + "v1");
      insertCustomersWithoutIds(url);
    }
  }

  @Test
  void whatSqliteCannotAlterIsHeldBackInOneLineAndTheRestKeepsTheRows() throws Exception {
    String sqlite = "sqlite:///" + project.resolve("app.db");
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", sqlite);
    assertThat(reflexDb.run("init", "--empty").exitCode()).isZero();
    autogenerate(reflexDb, "v1", "shop");
    update(reflexDb);
    insertCustomersWithoutIds(sqlite);
    try (Connection connection = TestDatabases.connect(sqlite); Statement statement = connection.createStatement()) {
      statement.executeUpdate("insert into categories (slug, name) values ('tea', 'Tea')");
      statement.executeUpdate("insert into products (sku, name, price, discontinued, category_id, created_at)"
          + " values ('T-1', 'Sencha', 4.50, 0, 1, 0)");
    }

    Launcher.Result evolved = autogenerate(reflexDb, "v2", "next release");

    assertThat(evolved.out()).contains("addColumn: Columns brand(VARCHAR(60)) added to products")
        .contains("held back: modifyDataType: customers.display_name datatype was changed to VARCHAR(120)")
        .contains("held back: addNotNullConstraint: NOT NULL constraint has been added to coupons.valid_until")
        .contains("SQLite alters a table only by rebuilding it");
    assertThat(evolved.out().lines().filter(line -> line.contains("held back:"))).hasSize(2);
    List<Path> files = Revisions.changeFiles(project);
    assertThat(Revisions.changeTypes(files.get(files.size() - 1))).containsExactly("addColumn");
    update(reflexDb);
    assertThat(count(sqlite, "customers")).isEqualTo(2);
    assertThat(count(sqlite, "products")).isEqualTo(1);
    // what was held back is said again, never written into a changeset that fails
    Launcher.Result next = autogenerate(reflexDb, "v2", "still held back");
    assertThat(next.out()).contains("no changes", "held back: modifyDataType");
    assertThat(Revisions.changeFiles(project)).hasSize(files.size());
  }

  /** As Hibernate inserts an IDENTITY entity: no id, the database numbers the row. */
  private static void insertCustomersWithoutIds(String url) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      statement.executeUpdate("insert into customers (email, active, created_at) values ('a@shop.test', true,"
          + " current_timestamp)");
      statement.executeUpdate("insert into customers (email, active, created_at) values ('b@shop.test', false,"
          + " current_timestamp)");
      try (ResultSet ids = statement.executeQuery("select count(distinct id) from customers where id is not null")) {
        assertThat(ids.next()).isTrue();
        assertThat(ids.getInt(1)).isEqualTo(2);
      }
    }
  }

  private static int count(String url, String table) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static Launcher.Result autogenerate(Launcher reflexDb, String version, String message) {
    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", message, "--classpath",
        Revisions.TEST_CLASSES.toString(), "--entities", SHOP + version);
    assertThat(result.exitCode()).as("%s", result).isZero();
    return result;
  }

  private static void update(Launcher reflexDb) {
    Launcher.Result update = reflexDb.run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
  }
}
