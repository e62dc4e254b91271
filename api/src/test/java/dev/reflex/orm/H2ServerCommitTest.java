package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.reflex.orm.testing.TcpProxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26: H2 over TCP ({@code h2://host:port/db}). H2's client connects again by itself only in auto-commit
 * ({@code SessionRemote.autoReconnect}), never inside a transaction, so a link lost during a commit fails it with
 * 90067 "Connection is broken", a {@code SQLNonTransientConnectionException}: of unknown outcome. On a server of
 * the test's own, behind a {@link TcpProxy} that holds the commit and then drops the link.
 */
class H2ServerCommitTest {
  @TempDir
  Path directory;

  private static void execute(ReflexSession session, String sql) throws SQLException {
    try (Statement statement = session.unwrap(Connection.class).createStatement()) {
      statement.execute(sql);
    }
  }

  @Test
  void aCommitWhoseLinkIsLostIsOfUnknownOutcome() throws Exception {
    Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", directory.toString()).start();
    try (TcpProxy proxy = TcpProxy.inFrontOf("h2://sa@127.0.0.1:" + server.getPort() + "/app");
        ReflexDatabase db = ReflexDatabase.builder().url(proxy.url("h2://sa@127.0.0.1:" + server.getPort() + "/app"))
            .provider("jdbc-test").poolSize(1).build()) {
      ReflexSession session = db.session();
      execute(session, "create table t (id int primary key)");
      session.commit();
      execute(session, "insert into t values (1)");
      proxy.freeze(); // the commit goes out and is held, as on a dead link
      CompletableFuture<Throwable> commit = CompletableFuture.supplyAsync(() -> {
        try {
          session.commit();
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      });
      Thread.sleep(300); // the commit is sent, or about to be: the link is lost either way
      proxy.close();
      assertThat(commit.get(60, TimeUnit.SECONDS)).isInstanceOf(CommitOutcomeUnknownException.class)
          .hasMessageContaining("[SQLState 90067]");
      // H2's client still says the connection is open (isClosed() is false after 90067), so the session keeps it
      // and its close fails on it (90121): RELIABILITY.md, "Open"
      assertThat(catchThrowable(session::close)).hasMessageContaining("90121");
    } finally {
      server.stop();
    }
  }
}
