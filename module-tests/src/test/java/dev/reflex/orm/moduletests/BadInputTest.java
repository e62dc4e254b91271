package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.ReflexException;
import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.TestDatabases;
import dev.reflex.orm.testing.UserApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input, one row each, to the library and to {@code reflex-db}: every row fails with one line that says
 * what is wrong and names the fix, a {@link ReflexException} subclass from the library and a non-zero exit
 * with one {@code reflex-db:} line from the command, no stack trace, and a canary password nowhere.
 *
 * <p>The library's rows run in this JVM through the builder, except those only the environment can
 * express, which run in a JVM of their own. Those JVMs and the reflex-db processes are started three at a
 * time from when the table is built, so the table costs about a third of its processes' time.
 */
class BadInputTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";
  private static final String ONE_CHANGESET = "databaseChangeLog:\n  - changeSet:\n      id: one\n"
      + "      author: bad-input\n      changes:\n        - sql:\n            sql: create table one (id int)\n";
  private static final ExecutorService PROCESSES = Executors.newFixedThreadPool(3, runnable -> {
    Thread thread = new Thread(runnable, "bad-input-process");
    thread.setDaemon(true);
    return thread;
  });
  private static final String PROBE = String.join("\n",
      "package probe;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import dev.reflex.orm.ReflexException;",
      "public class Main {",
      "  public static void main(String[] args) {",
      "    if (args.length > 0) return;",
      "    try (ReflexDatabase db = ReflexDatabase.builder().build()) {",
      "      db.ping();",
      "      System.out.println(\"no failure\");",
      "    } catch (ReflexException e) {",
      "      System.out.println(\"failure<<\" + e.getClass().getName() + \": \" + e.getMessage() + \">>\");",
      "      System.exit(1);",
      "    }",
      "  }",
      "}");
  private static Path probeClasses;

  /** What the user saw: the one line that should say it all, and everything that was printed. */
  record Outcome(String line, String output, String problem) {
    static Outcome wrong(String problem, String output) {
      return new Outcome("", output, problem);
    }
  }

  /** One row of the table. */
  record BadInput(String name, FutureTask<Outcome> outcome, List<String> names) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A step that prepares a reflex-db project folder. */
  interface Setup {
    void prepare(Path project) throws Exception;
  }

  static List<BadInput> table() {
    String sqlite = "sqlite:///app.db?password=" + CANARY;
    String mariadbWrongPassword = TestDatabases.mariadbUrl().replaceFirst("://([^:@/]+)@", "://$1:" + CANARY + "@");
    String badPort = "postgresql://app:" + CANARY + "@db:notaport/app";
    Setup none = project -> { };
    Setup changelog = project -> write(project, CHANGELOG, ONE_CHANGESET);
    Setup edited = project -> {
      changelog.prepare(project);
      Launcher.Result first = cli(project, Map.of("REFLEX_DB_URL", sqlite)).run("update");
      assertThat(first.exitCode()).as("%s", first).isZero();
      write(project, CHANGELOG, ONE_CHANGESET.replace("(id int)", "(id bigint)"));
    };
    List<BadInput> rows = new ArrayList<>();

    // the library, in this JVM, through the builder
    rows.add(library("url: empty", b -> b.url(""), "InvalidUrlException", "REFLEX_DB_URL"));
    rows.add(library("url: blank", b -> b.url("   "), "InvalidUrlException"));
    rows.add(library("url: no scheme", b -> b.url("app.db"), "InvalidUrlException", "sqlite:///"));
    rows.add(library("url: unknown scheme", b -> b.url("oracle://app:" + CANARY + "@db/x"), "InvalidUrlException",
        "oracle://app:***@db/x", "postgresql://"));
    rows.add(library("url: port not a number", b -> b.url(badPort), "InvalidUrlException", "port"));
    rows.add(library("url: port out of range", b -> b.url("postgresql://app:" + CANARY + "@db:99999/app"),
        "InvalidUrlException", "port"));
    rows.add(library("url: +driver of MySQL on PostgreSQL",
        b -> b.url("postgresql+pymysql://app:" + CANARY + "@db/app"), "InvalidUrlException", "pymysql"));
    rows.add(library("url: +driver of PostgreSQL on MariaDB",
        b -> b.url("mariadb+psycopg2://app:" + CANARY + "@db/app"), "InvalidUrlException", "psycopg2"));
    rows.add(library("url: no host", b -> b.url("postgresql://app:" + CANARY + "@/app"), "InvalidUrlException"));
    rows.add(library("url: scheme forgotten", b -> b.url("app:" + CANARY + "@db:5432/app"), "InvalidUrlException",
        "app:***@db:5432/app", "scheme://"));
    rows.add(library("url: password without @host", b -> b.url("postgresql://app:" + CANARY), "InvalidUrlException",
        "postgresql://app:***", "user:password@host"));
    rows.add(library("driver missing: Oracle", b -> b.url("jdbc:oracle:thin:@db:1521/x"),
        "UnableToConnectException", "No JDBC driver", "jdbc:oracle:thin:@db:1521/x"));
    rows.add(library("driver missing: Derby", b -> b.url("jdbc:derby:x;password=" + CANARY),
        "UnableToConnectException", "No JDBC driver"));
    rows.add(library("credentials: wrong MariaDB password", b -> b.url(mariadbWrongPassword),
        "UnableToConnectException", "***"));
    rows.add(library("server: nothing listens on the port",
        b -> b.url("postgresql://app:" + CANARY + "@127.0.0.1:1/app"), "UnableToConnectException", "127.0.0.1:1"));
    rows.add(library("server: no such PostgreSQL database", b -> b.url(TestDatabases.withDatabase(
        TestDatabases.postgresUrl(), "no_such_database")), "UnableToConnectException", "no_such_database"));
    rows.add(library("server: no such MariaDB database", b -> b.url(TestDatabases.withDatabase(
        TestDatabases.mariadbUrl(), "no_such_database")), "UnableToConnectException", "no_such_database"));
    rows.add(library("provider: unknown name", b -> b.provider("nosuch"), "UnknownProviderException", "nosuch",
        "jdbc-test"));
    rows.add(library("pool: size 0", b -> b.poolSize(0), "InvalidConfigurationException", "1 to 1000"));
    rows.add(library("pool: size -1", b -> b.poolSize(-1), "InvalidConfigurationException", "1 to 1000"));
    rows.add(library("pool: size 1001", b -> b.poolSize(1001), "InvalidConfigurationException", "1 to 1000"));
    rows.add(library("pool: timeout 0", b -> b.poolTimeout(Duration.ZERO), "InvalidConfigurationException",
        "0.25 to 3600"));
    rows.add(library("pool: timeout negative", b -> b.poolTimeout(Duration.ofSeconds(-1)),
        "InvalidConfigurationException", "0.25 to 3600"));

    // the library, configured by the environment, in a JVM of its own
    rows.add(environment("env: REFLEX_DB_POOL_SIZE=abc", "REFLEX_DB_POOL_SIZE", "abc", "REFLEX_DB_POOL_SIZE",
        "1 to 1000", "\"abc\""));
    rows.add(environment("env: REFLEX_DB_POOL_SIZE=0", "REFLEX_DB_POOL_SIZE", "0", "REFLEX_DB_POOL_SIZE", "1 to 1000"));
    rows.add(environment("env: REFLEX_DB_POOL_SIZE=-1", "REFLEX_DB_POOL_SIZE", "-1", "REFLEX_DB_POOL_SIZE",
        "1 to 1000"));
    rows.add(environment("env: REFLEX_DB_POOL_TIMEOUT=x", "REFLEX_DB_POOL_TIMEOUT", "x", "REFLEX_DB_POOL_TIMEOUT",
        "0.25 to 3600"));
    rows.add(environment("env: REFLEX_DB_ECHO=maybe", "REFLEX_DB_ECHO", "maybe", "REFLEX_DB_ECHO", "true or false"));
    rows.add(environment("env: REFLEX_ORM_PROVIDER=nosuch", "REFLEX_ORM_PROVIDER", "nosuch", "REFLEX_ORM_PROVIDER",
        "nosuch", "jdbi"));
    rows.add(environment("env: REFLEX_DB_URL with a bad port", "REFLEX_DB_URL", badPort, "port",
        "set by REFLEX_DB_URL"));

    // reflex-db
    rows.add(reflexDb("cli: unknown command", none, sqlite, List.of("frobnicate"), "frobnicate", "reflex-db --help"));
    rows.add(reflexDb("cli: unknown option", changelog, sqlite, List.of("update", "--no-such-option"),
        "--no-such-option", "--help"));
    rows.add(reflexDb("cli: unknown option of init", none, sqlite, List.of("init", "--bogus"), "--bogus", "--help"));
    rows.add(reflexDb("cli: unknown option of check", changelog, sqlite, List.of("check", "--bogus"), "--bogus",
        "--help"));
    rows.add(reflexDb("cli: init twice", project -> cli(project, Map.of()).run("init"), sqlite, List.of("init"),
        "already exist", "--force"));
    rows.add(reflexDb("cli: required option missing", changelog, sqlite, List.of("update-count"), "--count"));
    rows.add(reflexDb("changelog: none", none, sqlite, List.of("update"), "no changelog", "reflex-db init"));
    rows.add(reflexDb("changelog: --changelog-file missing", none, sqlite,
        List.of("update", "--changelog-file=db/missing.yaml"), "db/missing.yaml", "--changelog-file"));
    rows.add(reflexDb("changelog: invalid YAML", project -> write(project, CHANGELOG,
        "databaseChangeLog:\n  - changeSet:\n      id: [unclosed\n"), sqlite, List.of("update"), CHANGELOG,
        "fix the changelog"));
    rows.add(reflexDb("changelog: not a changelog", project -> write(project, CHANGELOG, "hello: world\n"), sqlite,
        List.of("update"), "fix the changelog"));
    rows.add(reflexDb("changelog: edited after it ran, update", edited, sqlite, List.of("update"), "check sum",
        CHANGELOG + "::one::bad-input", "new changeset"));
    rows.add(reflexDb("changelog: edited after it ran, validate", edited, sqlite, List.of("validate"), "check sum",
        "validCheckSum"));
    rows.add(reflexDb("url: port not a number", changelog, badPort, List.of("status"),
        "postgresql://app:***@db:notaport/app", "port"));
    rows.add(reflexDb("url: unknown scheme", changelog, "oracle://app:" + CANARY + "@db/x", List.of("update"),
        "oracle://app:***@db/x", "REFLEX_DB_URL"));
    rows.add(reflexDb("url: +driver for the wrong database", changelog,
        "postgresql+pymysql://app:" + CANARY + "@db/app", List.of("update"), "pymysql", "REFLEX_DB_URL"));
    rows.add(reflexDb("url: password without @host", changelog, "postgresql://app:" + CANARY, List.of("status"),
        "postgresql://app:***", "REFLEX_DB_URL"));
    rows.add(reflexDb("url: JDBC with user:password@", changelog, "jdbc:postgresql://app:" + CANARY + "@127.0.0.1:1/db",
        List.of("update"), "jdbc:postgresql://app:***@127.0.0.1:1/db"));
    rows.add(reflexDb("url: empty --url", changelog, sqlite, List.of("update", "--url="), "--url"));
    rows.add(reflexDb("url: malformed --url", changelog, sqlite, List.of("update", "--url=postgresql://app:" + CANARY
        + "@db:port/app"), "postgresql://app:***@db:port/app", "--url"));
    rows.add(reflexDb("driver missing: Oracle", changelog, "jdbc:oracle:thin:@db:1521/x?password=" + CANARY,
        List.of("update"), "oracle.jdbc.OracleDriver", "lib folder"));
    rows.add(reflexDb("driver missing: Derby", changelog, "jdbc:derby:x", List.of("update"), "derby", "lib folder"));
    rows.add(reflexDb("credentials: wrong MariaDB password", changelog, mariadbWrongPassword, List.of("update"),
        "Access denied", "check the user name and password"));
    rows.add(reflexDb("server: nothing listens on the port", changelog,
        "postgresql://app:" + CANARY + "@127.0.0.1:1/app", List.of("update"), "127.0.0.1:1", "server is running"));
    return rows;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void badInputFailsInOneLineNamingTheFix(BadInput input) throws Exception {
    input.outcome().run(); // runs the row here unless a process thread has taken it already
    Outcome outcome = input.outcome().get();
    System.out.println(input + " -> " + outcome.line());

    assertThat(outcome.problem()).as("%s", outcome).isNull();
    assertThat(outcome.line()).as("%s", outcome).doesNotContain("\n").contains(input.names());
    assertThat(outcome.output()).as("%s", outcome).doesNotContain(CANARY).doesNotContain("\tat ")
        .doesNotContain("Exception in thread");
  }

  private static BadInput library(String name, UnaryOperator<ReflexDatabaseBuilder> setting, String... names) {
    Path folder = TestDatabases.tempDir().resolve("bad-input-" + TestDatabases.suffix());
    FutureTask<Outcome> outcome = new FutureTask<>(() -> {
      ReflexDatabaseBuilder builder = ReflexDatabase.builder().provider(FaultTest.PROVIDER)
          .url("sqlite:///" + folder.resolve("app.db") + "?password=" + CANARY).poolTimeout(Duration.ofSeconds(2));
      try (ReflexDatabase db = setting.apply(builder).build()) {
        db.ping();
        return Outcome.wrong("no failure", db.toString());
      } catch (ReflexException e) {
        String line = e.getClass().getSimpleName() + ": " + e.getMessage();
        return e.getClass() == ReflexException.class ? Outcome.wrong("not a subclass", line)
            : new Outcome(line, line, null);
      } catch (RuntimeException e) {
        return Outcome.wrong("not a ReflexException: " + e, String.valueOf(e));
      }
    });
    return new BadInput("library " + name, outcome, List.of(names));
  }

  private static BadInput environment(String name, String variable, String value, String... names) {
    FutureTask<Outcome> outcome = new FutureTask<>(() -> {
      UserApp app = new UserApp(Map.of()).env("REFLEX_DB_URL", "sqlite:///app.db?password=" + CANARY)
          .env(variable, value);
      UserApp.Result result = app.runJava("-cp", UserApp.join(probePath()), "probe.Main");
      Matcher failure = Pattern.compile("failure<<(.*?)>>", Pattern.DOTALL).matcher(result.output());
      if (result.exitCode() == 0 || !failure.find()) {
        return Outcome.wrong("no ReflexException", result.output());
      }
      return new Outcome(failure.group(1), result.output(), null);
    });
    PROCESSES.execute(outcome);
    return new BadInput("library " + name, outcome, List.of(names));
  }

  /** The probe, compiled once, and the JDBI example's jars: the API, one provider, SQLite. */
  private static synchronized List<Path> probePath() {
    List<Path> path = new ArrayList<>(Examples.lib("jdbi", jar -> true));
    if (probeClasses == null) {
      UserApp compiler = new UserApp(Map.of("probe/Main.java", PROBE));
      UserApp.Result compiled = compiler.runOnClassPath(path, "probe.Main", "compile-only");
      assertThat(compiled.exitCode()).as("%s", compiled).isZero();
      probeClasses = compiler.dir().resolve("classpath-classes");
    }
    path.add(probeClasses);
    return path;
  }

  private static BadInput reflexDb(String name, Setup setup, String url, List<String> args, String... names) {
    FutureTask<Outcome> outcome = new FutureTask<>(() -> {
      Path project = Files.createDirectories(TestDatabases.tempDir().resolve("bad-input-" + TestDatabases.suffix()));
      setup.prepare(project);
      Launcher.Result result = cli(project, Map.of("REFLEX_DB_URL", url)).run(args.toArray(String[]::new));
      List<String> lines = result.errLines();
      if (result.exitCode() == 0) {
        return Outcome.wrong("exit 0", result.toString());
      }
      if (lines.size() != 1 || !lines.get(0).startsWith("reflex-db: ") || !lines.get(0).contains("; ")) {
        return Outcome.wrong("not one `reflex-db: what; fix` line on stderr", result.toString());
      }
      return new Outcome(lines.get(0), result.toString(), null);
    });
    PROCESSES.execute(outcome);
    return new BadInput("reflex-db " + name, outcome, List.of(names));
  }

  private static Launcher cli(Path project, Map<String, String> env) {
    Launcher launcher = new Launcher(project);
    env.forEach(launcher::env);
    return launcher;
  }

  private static void write(Path project, String relative, String text) throws Exception {
    Path file = project.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
