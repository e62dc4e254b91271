package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reflex.orm.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A canary password in every URL form, with every failure forced: it must appear in no exception message,
 * no {@code toString()}, no stack trace and no log line.
 */
class SecretCanaryTest {
  private static final String CANARY = "SECRET-" + UUID.randomUUID().toString().substring(0, 8);
  private static final String ENCODED = CANARY + "@:/%#?";

  private static List<String> urls() {
    String encoded = URLEncoder.encode(ENCODED, StandardCharsets.UTF_8);
    String postgres = TestDatabases.postgresUrl();
    String mariadb = TestDatabases.mariadbUrl();
    assertThat(postgres).startsWith("postgresql://postgres@127.0.0.1:5432");
    assertThat(mariadb).startsWith("mariadb://root@127.0.0.1:3306");
    return List.of(
        // unreachable hosts
        "postgresql://postgres:" + CANARY + "@127.0.0.1:1/test",
        "postgres://postgres:" + encoded + "@127.0.0.1:1/test",
        "postgresql+psycopg2://postgres:" + CANARY + "@[::1]:1/test",
        "mariadb://root:" + CANARY + "@127.0.0.1:1/test",
        "mysql+pymysql://root:" + encoded + "@127.0.0.1:1/test",
        "h2://sa:" + CANARY + "@127.0.0.1:1/test",
        "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=" + CANARY,
        // wrong password: MariaDB's root has an empty one
        "mariadb://root:" + CANARY + "@127.0.0.1:3306/test",
        "mysql://root:" + encoded + "@127.0.0.1:3306/test",
        "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=" + CANARY,
        // missing database (PostgreSQL trusts any password here)
        "postgresql://postgres:" + CANARY + "@127.0.0.1:5432/missing_" + TestDatabases.suffix(),
        "mariadb://root@127.0.0.1:3306/missing_" + TestDatabases.suffix() + "?password=" + CANARY,
        // URLs that do not parse
        "oracle://scott:" + CANARY + "@db/app",
        "postgresql://app:" + CANARY + "@db:abc/app",
        "postgresql://app:" + CANARY + "%zz@db/app",
        "postgresql+pymysql://app:" + CANARY + "@db/app",
        "postgresql://app:" + CANARY + "@/app",
        // values that are not well-formed URLs, and JDBC URLs with credentials of their own
        "app:" + CANARY + "@db:5432/app",
        "postgresql//app:" + CANARY + "@db/app",
        "postgresql://app:" + CANARY,
        "jdbc:oracle:thin:app/" + CANARY + "@db:1521/xe",
        "jdbc:postgresql://app:" + CANARY + "@127.0.0.1:1/db",
        "jdbc:postgresql://postgres:" + CANARY + "@127.0.0.1:5432/missing_" + TestDatabases.suffix(),
        // MariaDB's driver reads user:password@ as a host and a port, and says "Incorrect port value : <password>@..."
        "jdbc:mariadb://root:" + CANARY + "@127.0.0.1:3306/test",
        "jdbc:h2:mem:x;PASSWORD=" + CANARY + ";IFEXISTS=TRUE",
        "jdbc:h2:mem:x;USER=sa;PASSWORD=" + CANARY + ";NO_SUCH_SETTING=1",
        "postgresql://postgres:" + CANARY + "@127.0.0.1:1/test?application_name=ops@host1",
        // the password of an SSL key (libpq's and pgJDBC's sslpassword)
        "postgresql://postgres@127.0.0.1:1/test?sslmode=require&sslpassword=" + CANARY,
        "jdbc:postgresql://127.0.0.1:1/test?sslpassword=" + CANARY + "&sslmode=require");
  }

  @Test
  void theCanaryPasswordIsShownNowhere() {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    StringBuilder seen = new StringBuilder();
    System.setErr(capture);
    System.setOut(capture);
    try {
      for (String url : urls()) {
        Throwable failure = catchThrowable(() -> {
          try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("jdbc-test")
              .poolTimeout(Duration.ofSeconds(2)).build()) {
            seen.append(db).append('\n');
            db.ping();
          }
        });
        assertThat(failure).as("a failure for %s", url.replace(CANARY, "<canary>")).isInstanceOf(ReflexException.class);
        assertThat(failure.getMessage()).doesNotContain("\n");
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        seen.append(trace).append('\n');
        for (Throwable t = failure; t != null; t = t.getCause()) {
          seen.append(t.getMessage()).append(' ').append(t).append('\n');
        }
      }
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
    String everything = seen + captured.toString(StandardCharsets.UTF_8);
    assertThat(everything).contains("***").contains("Unable to connect to").contains("Database URL")
        .doesNotContain(CANARY).doesNotContain(ENCODED)
        .doesNotContain(URLEncoder.encode(ENCODED, StandardCharsets.UTF_8));
  }
}
