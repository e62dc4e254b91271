package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 24 item 9: a change that can lose data or meaning on a table holding rows is left out unless
 * {@code --allow-drops} is given, as drops are: a {@code text} column narrowed to {@code varchar(255)}, a NOT NULL the
 * column loses. Before, both were written and the update cut a 300-character note.
 */
class RevisionLossyTest {
  private static final String V1 = """
      package notes;
      @jakarta.persistence.Entity
      @jakarta.persistence.Table(name = "note")
      public class Note {
        @jakarta.persistence.Id private Long id;
        @jakarta.persistence.Column(nullable = false) private String title;
        @jakarta.persistence.Column(columnDefinition = "text") private String body;
      }
      """;
  private static final String V2 = """
      package notes;
      @jakarta.persistence.Entity
      @jakarta.persistence.Table(name = "note")
      public class Note {
        @jakarta.persistence.Id private Long id;
        private String title;
        @jakarta.persistence.Column(length = 255) private String body;
      }
      """;

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = TestDatabase.class, names = {"POSTGRESQL", "MARIADB"})
  void aNarrowingAndALostNotNullAreLeftOutAndTheRowKeepsItsText(TestDatabase database, @TempDir Path project)
      throws Exception {
    String url = database.freshUrl();
    Launcher reflexDb = new Launcher(project).env("REFLEX_DB_URL", url);
    assertThat(reflexDb.run("init", "--empty").exitCode()).isZero();
    Path v1 = ApplicationClasses.compile(project.resolve("v1"), Map.of("notes/Note.java", V1));
    Launcher.Result first = reflexDb.run("revision", "--autogenerate", "-m", "notes", "--classpath", v1.toString(),
        "--entities", "notes");
    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();
    String text = "x".repeat(300);
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement()) {
      statement.executeUpdate("insert into note (id, title, body) values (1, 'long', '" + text + "')");
    }
    Path v2 = ApplicationClasses.compile(project.resolve("v2"), Map.of("notes/Note.java", V2));

    Launcher.Result second = reflexDb.run("revision", "--autogenerate", "-m", "narrow", "--classpath", v2.toString(),
        "--entities", "notes");

    assertThat(second.exitCode()).as("%s", second).isZero();
    assertThat(second.out()).as("%s", second)
        .containsPattern("(?i)left out \\(pass --allow-drops to write it\\): modifyDataType: .*body.* \\(values of .*"
            + " may not fit VARCHAR\\(255\\)\\)")
        .containsPattern("(?i)left out \\(pass --allow-drops to write it\\): dropNotNullConstraint: .*title.*"
            + "\\(the column would accept NULL")
        .contains("no changes");
    assertThat(Revisions.changeFiles(project)).hasSize(1);
    assertThat(reflexDb.run("update").exitCode()).isZero();
    try (Connection connection = TestDatabases.connect(url); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select body from note where id = 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo(text);
    }
  }
}
