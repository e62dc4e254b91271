package dev.reflex.db;

import dev.reflex.orm.migrations.internal.LiquibaseSays;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What Liquibase 4.33 really prints when a command fails, captured from its own command line (one file each under
 * {@code liquibase-4.33/}), turned into reflex-db's one line: the failure {@link Output} holds back, the message
 * {@link Failure} picks and the advice {@link LiquibaseSays} chooses. The table to run first after a Liquibase
 * upgrade: capture the same failures again and see which rows change. No process, no database.
 */
class LiquibaseSaysTest {
  private static final String URL = "postgresql://app:s3cret@db.example/app";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      missing-changelog  | nope.yaml does not exist                                  | run `reflex-db init` to create a changelog
      broken-yaml        | while parsing a flow node                                 | fix the changelog and run the command again
      no-driver          | Cannot find database driver: oracle.jdbc.OracleDriver     | reflex-db ships the SQLite, H2, PostgreSQL and MariaDB drivers
      connection-refused | Connection to 127.0.0.1:1 refused                         | check that the database server is running
      access-denied      | Access denied for user 'nosuch'@'127.0.0.1'               | check the user name and password of postgresql://app:***@db.example/app
      sqlite-cantopen    | [SQLITE_CANTOPEN] Unable to open the database file        | check that the folder of
      failed-statement   | Migration failed for changeset bad.yaml::1::a             | the database refused a statement of that changeset
      edited-changeset   | Validation Failed: 1 changesets check sum ok.yaml::1::a   | a changeset that ran was edited since
      missing-argument   | Invalid argument '--count': missing required argument     | run `reflex-db --help` for the commands
      unknown-command    | unknown command or option: updat                          | run `reflex-db --help` for the commands
      """)
  void capturedFailureBecomesOneLineWithItsAdvice(String capture, String message, String advice) throws IOException {
    String line = Failure.fromReport(heldBack(capture), "update", 1, target());

    assertThat(line).startsWith("reflex-db: ").doesNotContain("\n", "s3cret");
    assertThat(line.substring(0, line.lastIndexOf("; "))).contains(message);
    assertThat(line.substring(line.lastIndexOf("; ") + 2)).contains(advice);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      could not acquire change log lock. currently locked by host (10.0.0.5) since 12/7/26, 10:00 AM | run `reflex-db release-locks`
      [SQLITE_BUSY] The database file is locked (database is locked)                                 | raise REFLEX_DB_POOL_TIMEOUT
      role "nosuchuser" does not exist; Connection could not be created to jdbc:postgresql://h/db     | check that the database server is running
      FATAL: password authentication failed for user "app"                                          | check the user name and password
      Unknown host db.example                                                                        | check that the database server is running
      The file db/changelog/x.yaml was not found in the configured search path                       | run `reflex-db init` to create a changelog
      Output changelogFile 'db/changelog/db.changelog-master.yaml' already exists!                   | generate-changelog writes a new changelog
      Migration failed for changeset db/changelog/x.yaml::2::app: Reason: ERROR: relation "book" does not exist | fix the changeset
      nope.yaml does not exist                                                                       | run `reflex-db init`
      something nobody has seen before                                                               | run the command again with --log-level=fine
      """)
  void messageChoosesTheFirstRowThatMatches(String message, String advice) {
    assertThat(LiquibaseSays.advice(message, "the database")).contains(advice);
  }

  /** @return what {@link Output} holds back of a captured run's standard error, as reflex-db would */
  private static List<String> heldBack(String capture) throws IOException {
    Output output = new Output(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), target().scrubber(), false);
    try (InputStream in = LiquibaseSaysTest.class.getResourceAsStream("/liquibase-4.33/" + capture + ".txt")) {
      assertThat(in).as("captured output %s", capture).isNotNull();
      output.err().write(in.readAllBytes());
    }
    output.err().flush();
    return output.errorReport();
  }

  private static Target target() {
    return Target.resolve(Arguments.parse(new String[] {"--url=" + URL, "update"}));
  }
}
