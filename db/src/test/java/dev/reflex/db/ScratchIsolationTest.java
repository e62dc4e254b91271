package dev.reflex.db;

import static dev.reflex.db.RevisionCommandTest.assertOneLineFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What {@code revision --autogenerate}'s export can touch: nothing outside the scratch database, whatever the
 * application's entities, declared configurers and {@code import.sql} name. The live table keeps its 1,000 rows
 * and the revision still finds the one table the entities add.
 */
@Execution(ExecutionMode.CONCURRENT)
class ScratchIsolationTest {
  private static final int ROWS = 1000;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDatabase.class, names = {"SQLITE_FILE", "H2", "POSTGRESQL", "MARIADB"})
  void entitiesConfigurersAndImportScriptsThatNameTheLiveDatabaseLeaveItAlone(TestDatabase database,
      @TempDir Path project) throws Exception {
    String url = database == TestDatabase.SQLITE_FILE ? "sqlite:///" + project.resolve("app.db") : database.freshUrl();
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
    assertThat(reflexDb.run("init").exitCode()).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();
    liveTable(url);
    String qualifier;
    String importSql;
    switch (database) {
      case POSTGRESQL:
        qualifier = "schema = \"public\"";
        reflexDb.env("SCRATCH_TEST_DEFAULT_SCHEMA", "public");
        importSql = "delete from public.animals\n";
        break;
      case MARIADB:
        qualifier = "catalog = \"" + name(url) + "\"";
        reflexDb.env("SCRATCH_TEST_DEFAULT_CATALOG", name(url));
        importSql = "delete from " + name(url) + ".animals\n";
        break;
      case H2:
        qualifier = "schema = \"PUBLIC\"";
        reflexDb.env("SCRATCH_TEST_DEFAULT_SCHEMA", "PUBLIC");
        importSql = "delete from PUBLIC.animals\n";
        break;
      default:
        qualifier = null;
        importSql = "attach database '" + project.resolve("app.db") + "' as live\ndelete from live.animals\n";
    }
    Path classes = ApplicationClasses.compile(project.resolve("app"), application("animals", qualifier, importSql));

    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "keepers", "--classpath",
        classes.toString(), "--entities", "zoo");

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(rows(url, "animals")).as("%s", result).isEqualTo(ROWS);
    assertThat(result.out()).containsIgnoringCase("createTable: Table keepers created")
        .doesNotContainIgnoringCase("Table animals created");
  }

  @Test
  void anEntityThatNamesAnotherDatabaseOnTheServerIsRefusedBeforeAnyStatementRuns(@TempDir Path project)
      throws Exception {
    String url = TestDatabase.MARIADB.freshUrl();
    String other = TestDatabase.MARIADB.freshUrl();
    liveTable(other);
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
    assertThat(reflexDb.run("init").exitCode()).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();
    Path classes = ApplicationClasses.compile(project.resolve("app"),
        application("animals", "catalog = \"" + name(other) + "\"", ""));

    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "keepers", "--classpath",
        classes.toString(), "--entities", "zoo");

    assertOneLineFailure(result, "zoo.Animal", "animals", name(other));
    assertThat(rows(other, "animals")).isEqualTo(ROWS);
    assertThat(Revisions.changeFiles(project)).isEmpty();
  }

  /**
   * The application: {@code Animal} on the live table, {@code Keeper} new, a declared configurer that sets
   * {@code hibernate.default_schema} and {@code hibernate.default_catalog} from the environment, and an
   * {@code import.sql}.
   */
  static Map<String, String> application(String table, String qualifier, String importSql) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("zoo/Animal.java", String.join("\n",
        "package zoo;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"" + table + "\"" + (qualifier == null ? "" : ", " + qualifier) + ")",
        "public class Animal {",
        "  @Id Integer id;",
        "  @Column(length = 80) String name;",
        "}"));
    files.put("zoo/Keeper.java", String.join("\n",
        "package zoo;",
        "import jakarta.persistence.*;",
        "@Entity @Table(name = \"keepers\")",
        "public class Keeper {",
        "  @Id Integer id;",
        "  @Column(length = 80) String name;",
        "}"));
    files.put("zoo/Namespaces.java", String.join("\n",
        "package zoo;",
        "public final class Namespaces implements dev.reflex.orm.hibernate.HibernateConfigurer {",
        "  @Override public void configure(org.hibernate.cfg.Configuration configuration) {",
        "    String schema = System.getenv(\"SCRATCH_TEST_DEFAULT_SCHEMA\");",
        "    if (schema != null) configuration.setProperty(\"hibernate.default_schema\", schema);",
        "    String catalog = System.getenv(\"SCRATCH_TEST_DEFAULT_CATALOG\");",
        "    if (catalog != null) configuration.setProperty(\"hibernate.default_catalog\", catalog);",
        "  }",
        "}"));
    files.put("META-INF/services/dev.reflex.orm.hibernate.HibernateConfigurer", "zoo.Namespaces\n");
    files.put("import.sql", importSql);
    return files;
  }

  /** The user's live table, with {@value #ROWS} rows. */
  static void liveTable(String url) throws SQLException {
    try (Connection connection = TestDatabases.connect(url)) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("create table animals (id integer primary key, name varchar(80))");
      }
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement("insert into animals values (?, ?)")) {
        for (int i = 1; i <= ROWS; i++) {
          insert.setInt(1, i);
          insert.setString(2, "animal " + i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }

  static int rows(String url, String table) throws SQLException {
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet count = statement.executeQuery("select count(*) from " + table)) {
      count.next();
      return count.getInt(1);
    }
  }

  static String name(String url) {
    String path = url.substring(url.lastIndexOf('/') + 1);
    return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
  }
}
