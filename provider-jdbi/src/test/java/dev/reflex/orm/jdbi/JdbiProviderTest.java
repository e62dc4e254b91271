package dev.reflex.orm.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.test.contract.ContractSchema;
import dev.reflex.orm.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.NoSuchMapperException;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.Test;

/** What the JDBI provider adds to the contract: SqlObjects, configurers, echo, the handle's transaction. */
class JdbiProviderTest {

  private static ReflexDatabaseBuilder builder() {
    return ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).register(BookDao.class, Book.class);
  }

  /** @return the database, with the book table of the contract's changelog */
  private static ReflexDatabase open(ReflexDatabaseBuilder builder) {
    ReflexDatabase db = builder.build();
    ContractSchema.migrate(db.dataSource());
    return db;
  }

  private static void insert(ReflexDatabase db, long id, String title) {
    db.<Void, RuntimeException>transaction(s -> {
      s.unwrap(Handle.class).attach(BookDao.class).insert(id, title);
      return null;
    });
  }

  private static Book first(ReflexDatabase db) {
    return db.<Book, RuntimeException>transaction(s ->
        s.unwrap(Handle.class).createQuery("select id, title from book").mapTo(Book.class).one());
  }

  @Test
  void isFoundByServiceLoaderWhenItIsTheOnlyProvider() {
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).build()) {
      assertThat(db.provider()).isEqualTo("jdbi");
    }
  }

  @Test
  void configurerOnTheBuilderChangesJdbiBeforeFirstUse() throws SQLException {
    try (ReflexDatabase plain = open(builder())) {
      insert(plain, 1, "Dune");
      assertThatThrownBy(() -> first(plain)).isInstanceOf(NoSuchMapperException.class);
    }
    JdbiConfigurer bookMapper =
        jdbi -> jdbi.registerRowMapper(Book.class, (rows, ctx) -> new Book(rows.getLong("id"), rows.getString("title")));
    try (ReflexDatabase configured = open(builder().configure(bookMapper))) {
      insert(configured, 1, "Dune");
      assertThat(first(configured).title).isEqualTo("Dune");
    }
  }

  @Test
  void configurerDeclaredAsAServiceIsApplied() throws SQLException {
    try (ReflexDatabase db = open(builder())) {
      assertThat(db.unwrap(Jdbi.class).getConfig(SqlStatements.class).getAttribute("reflexDeclared"))
          .isEqualTo("applied");
    }
  }

  @Test
  void aConfigurerBothDeclaredAndPassedRunsOnce() throws SQLException {
    try (ReflexDatabase db = open(builder().configure(new DeclaredConfigurer()))) {
      assertThat(db.unwrap(Jdbi.class).getConfig(SqlStatements.class).getAttribute("reflexDeclared"))
          .isEqualTo("applied");
    }
  }

  @Test
  void anySqlObjectAttachesWithoutRegistration() throws SQLException {
    try (ReflexDatabase db = open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()))) {
      insert(db, 1, "Dune");
      assertThat(db.<String, RuntimeException>transaction(s -> s.unwrap(Handle.class).attach(BookDao.class).title(1)))
          .isEqualTo("Dune");
    }
  }

  @Test
  void handleStaysInATransactionAfterCommitAndRollback() throws SQLException {
    try (ReflexDatabase db = open(builder()); ReflexSession session = db.session()) {
      Handle handle = session.unwrap(Handle.class);
      assertThat(handle.isInTransaction()).isTrue();
      session.commit();
      assertThat(handle.isInTransaction()).isTrue();
      session.rollback();
      assertThat(handle.isInTransaction()).isTrue();
    }
  }

  @Test
  void closeWithUncommittedWorkRollsBackWithoutJdbisImproperCloseError() throws SQLException {
    try (ReflexDatabase db = open(builder())) {
      ReflexSession session = db.session();
      Handle handle = session.unwrap(Handle.class);
      handle.attach(BookDao.class).insert(1, "never committed");
      session.close(); // would throw if JDBI saw a handle closed inside a transaction
      assertThat(handle.isClosed()).isTrue();
      assertThat(db.<String, RuntimeException>transaction(s -> s.unwrap(Handle.class).attach(BookDao.class).title(1)))
          .isNull();
    }
  }

  @Test
  void echoLogsEveryStatementThroughJdbisSqlLogger() throws SQLException {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ReflexDatabase db = open(builder().echo(true))) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      insert(db, 1, "Dune");
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).contains(StatementEcho.LOGGER)
        .contains("insert into book (id, title) values (:id, :title)");
  }

  @Test
  void withoutEchoNoStatementIsLogged() throws SQLException {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ReflexDatabase db = open(builder())) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      insert(db, 1, "Dune");
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("insert into book");
  }
}
