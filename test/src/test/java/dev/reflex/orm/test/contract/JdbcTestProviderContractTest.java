package dev.reflex.orm.test.contract;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The provider contract, kept by the test-only JDBC provider: proves the contract suite itself. */
class JdbcTestProviderContractTest extends ExtensionContract {
  @Override
  protected String provider() {
    return "jdbc-test";
  }

  @Override
  protected Class<?>[] registered() {
    return new Class<?>[0];
  }

  @Override
  protected List<Class<?>> nativeTypes() {
    return List.of(Connection.class);
  }

  @Override
  protected Books books() {
    return new Books() {
      @Override
      public void insert(ReflexSession session, long id, String title) {
        update(session, "insert into book (title, id) values (?, ?)", title, id);
      }

      @Override
      public String title(ReflexSession session, long id) {
        try (PreparedStatement statement =
            session.unwrap(Connection.class).prepareStatement("select title from book where id = ?")) {
          statement.setLong(1, id);
          try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
          }
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void rename(ReflexSession session, long id, String title) {
        update(session, "update book set title = ? where id = ?", title, id);
      }

      @Override
      public void delete(ReflexSession session, long id) {
        update(session, "delete from book where id = ? and ? is not null", id, id);
      }

      private void update(ReflexSession session, String sql, Object first, Object second) {
        try (PreparedStatement statement = session.unwrap(Connection.class).prepareStatement(sql)) {
          statement.setObject(1, first);
          statement.setObject(2, second);
          statement.executeUpdate();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** Plain JDBC on a connection of the pool: auto-commit off, read, commit, close. */
  @Override
  protected String titleThroughOwnSession(ReflexDatabase db, long id) {
    try (Connection connection = db.dataSource().getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement("select title from book where id = ?")) {
        statement.setLong(1, id);
        try (ResultSet rows = statement.executeQuery()) {
          String title = rows.next() ? rows.getString(1) : null;
          connection.commit();
          return title;
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
