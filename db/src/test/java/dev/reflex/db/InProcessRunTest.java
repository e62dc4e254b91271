package dev.reflex.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ReflexDb.run(args, out, err)}, the entry point of reflex-db-maven-plugin: a process that goes on afterwards. */
class InProcessRunTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void theOneLineFailureGoesToTheStreamsGivenAndTheProcessKeepsItsOwn(@TempDir Path dir) throws Exception {
    PrintStream processOut = System.out;
    PrintStream processErr = System.err;
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    String changelog = dir.resolve("missing.yaml").toString();

    int exitCode = run("--url=sqlite:///" + dir.resolve("x.db"), "check", "--changelog-file=" + changelog);

    assertThat(exitCode).isEqualTo(1);
    assertThat(err.toString(Charset.defaultCharset())).startsWith("reflex-db: the changelog ").contains("does not exist");
    assertThat(System.out).isSameAs(processOut);
    assertThat(System.err).isSameAs(processErr);
    assertThat(root.getLevel()).isEqualTo(level);
    assertThat(Files.exists(dir.resolve("x.db"))).isFalse();
  }

  @Test
  void whatTheCommandPrintsGoesToTheOutGiven() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString(Charset.defaultCharset())).contains("Liquibase");
  }

  @Test
  void aUsageErrorGoesToTheErrGiven() {
    assertThat(run("status", "--url")).isEqualTo(2);
    assertThat(err.toString(Charset.defaultCharset())).startsWith("reflex-db: ").contains("reflex-db --help");
  }

  @Test
  void aPasswordIsMaskedInTheStreamsGiven() {
    assertThat(run("--url=postgresql://u:in-process-canary@127.0.0.1:1/nowhere", "check")).isEqualTo(1);
    assertThat(out.toString(Charset.defaultCharset()) + err.toString(Charset.defaultCharset()))
        .contains("reflex-db: ").doesNotContain("in-process-canary");
  }

  private int run(String... args) {
    Charset charset = Charset.defaultCharset();
    return ReflexDb.run(args, new PrintStream(out, true, charset), new PrintStream(err, true, charset));
  }
}
