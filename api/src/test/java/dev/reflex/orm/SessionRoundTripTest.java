package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.testing.TestDatabase;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A session round trip on each of the five databases, through the test-only JDBC provider. */
class SessionRoundTripTest {

  private static ReflexDatabase open(TestDatabase database) {
    return ReflexDatabase.builder().url(database.freshUrl()).provider("jdbc-test").poolSize(4).build();
  }

  private static void execute(ReflexSession session, String sql) throws SQLException {
    try (Statement statement = session.unwrap(Connection.class).createStatement()) {
      statement.execute(sql);
    }
  }

  private static int count(ReflexDatabase db) throws SQLException {
    try (ReflexSession session = db.session();
        Statement statement = session.unwrap(Connection.class).createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from book")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void committedWorkIsThereAndRolledBackWorkIsNot(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      try (ReflexSession session = db.session()) {
        execute(session, "create table book (id int primary key, title varchar(100))");
        execute(session, "insert into book values (1, 'Dune')");
        session.commit();
      }
      assertThat(count(db)).isEqualTo(1);

      try (ReflexSession session = db.session()) {
        execute(session, "insert into book values (2, 'Emma')");
        session.rollback();
      }
      assertThat(count(db)).isEqualTo(1);

      try (ReflexSession session = db.session()) {
        execute(session, "insert into book values (3, 'Ulysses')");
      } // closed without commit
      assertThat(count(db)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void transactionCommitsItsValueOrRollsBackOnException(TestDatabase database) throws SQLException {
    try (ReflexDatabase db = open(database)) {
      db.transaction(session -> {
        execute(session, "create table book (id int primary key, title varchar(100))");
        return null;
      });
      String title = db.transaction(session -> {
        execute(session, "insert into book values (1, 'Dune')");
        return "Dune";
      });
      assertThat(title).isEqualTo("Dune");

      assertThatThrownBy(() -> db.transaction(session -> {
        execute(session, "insert into book values (2, 'Emma')");
        throw new IOException("disk full");
      })).isInstanceOf(IOException.class).hasMessage("disk full");
      assertThat(count(db)).isEqualTo(1);

      db.ping();
    }
  }
}
