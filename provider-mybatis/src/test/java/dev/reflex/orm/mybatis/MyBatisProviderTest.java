package dev.reflex.orm.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ProviderFailedException;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.test.contract.ContractSchema;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

/** What the MyBatis provider adds to the contract: mappers, configurers, echo, forced commits. */
class MyBatisProviderTest {

  private static ReflexDatabase open(MyBatisConfigurer... configurers) throws SQLException {
    return open(false, configurers);
  }

  private static ReflexDatabase open(boolean echo, MyBatisConfigurer... configurers) throws SQLException {
    ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl())
        .register(BookMapper.class, BookXmlMapper.class, Book.class).configure(configurers).echo(echo).build();
    ContractSchema.migrate(db.dataSource());
    return db;
  }

  private static List<Book> allBooks(ReflexDatabase db) {
    return db.<List<Book>, RuntimeException>transaction(s -> s.unwrap(SqlSession.class).getMapper(BookXmlMapper.class).all());
  }

  private static void insert(ReflexDatabase db, long id, String title) {
    db.<Void, RuntimeException>transaction(s -> {
      s.unwrap(SqlSession.class).getMapper(BookMapper.class).insert(id, title);
      return null;
    });
  }

  @Test
  void isFoundByServiceLoaderWhenItIsTheOnlyProvider() throws SQLException {
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).build()) {
      assertThat(db.provider()).isEqualTo("mybatis");
    }
  }

  @Test
  void xmlMapperBesideItsInterfaceIsLoaded() throws SQLException {
    try (ReflexDatabase db = open()) {
      insert(db, 1, "Dune");
      assertThat(allBooks(db)).extracting(Book::getId).containsExactly(1L);
      assertThat(db.unwrap(Configuration.class).hasStatement(BookXmlMapper.class.getName() + ".all")).isTrue();
    }
  }

  @Test
  void configurerOnTheBuilderChangesTheConfigurationBeforeItIsUsed() throws SQLException {
    try (ReflexDatabase plain = open()) {
      insert(plain, 1, "Dune");
      assertThat(allBooks(plain)).extracting(Book::getBookTitle).containsExactly((String) null);
    }
    try (ReflexDatabase camel = open(configuration -> configuration.setMapUnderscoreToCamelCase(true))) {
      insert(camel, 1, "Dune");
      assertThat(allBooks(camel)).extracting(Book::getBookTitle).containsExactly("Dune");
    }
  }

  @Test
  void configurerDeclaredAsAServiceIsApplied() throws SQLException {
    try (ReflexDatabase db = open()) {
      assertThat(db.unwrap(Configuration.class).getVariables().getProperty("reflex.declared")).isEqualTo("applied");
    }
  }

  @Test
  void aConfigurerBothDeclaredAndPassedRunsOnce() throws SQLException {
    try (ReflexDatabase db = open(new DeclaredConfigurer())) {
      assertThat(db.unwrap(Configuration.class).getVariables().getProperty("reflex.declared")).isEqualTo("applied");
    }
  }

  @Test
  void databaseIdNamesTheDatabaseKind() throws SQLException {
    try (ReflexDatabase db = open()) {
      assertThat(db.unwrap(Configuration.class).getDatabaseId()).isEqualTo("h2");
    }
  }

  @Test
  void databaseIdIsTheServersNotTheUrlsScheme() {
    // a mysql:// URL that reaches MariaDB: MariaDB says "MariaDB", and so does Liquibase
    String url = TestDatabases.freshServerDatabase(TestDatabases.mariadbUrl()).replaceFirst("^mariadb://", "mysql://");
    try (ReflexDatabase db = ReflexDatabase.builder().url(url).provider("mybatis").build()) {
      assertThat(db.unwrap(Configuration.class).getDatabaseId()).isEqualTo("mariadb");
    }
  }

  @Test
  void aMapperThatFailsToLoadKeepsWhatAndWhere() {
    assertThatThrownBy(() -> ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).register(BadAliasMapper.class)
        .build()).isInstanceOf(ProviderFailedException.class)
        .hasMessageContaining("dev/reflex/orm/mybatis/BadAliasMapper.xml")
        .hasMessageContaining("Could not resolve type alias 'Account'")
        .hasMessageContaining("Cannot find class: Account")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "org.apache.ibatis"));
  }

  @Test
  void commitIsForcedEvenWhenMyBatisSawNoChange() throws SQLException {
    try (ReflexDatabase db = open()) {
      try (ReflexSession session = db.session();
          Statement statement = session.unwrap(Connection.class).createStatement()) {
        statement.executeUpdate("insert into book (id, title) values (1, 'written beside MyBatis')");
        session.commit();
      }
      try (Connection connection = db.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("select count(*) from book")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(1);
      }
    }
  }

  @Test
  void rollbackIsForcedEvenWhenMyBatisSawNoChange() throws SQLException {
    try (ReflexDatabase db = open()) {
      try (ReflexSession session = db.session()) {
        try (Statement statement = session.unwrap(Connection.class).createStatement()) {
          statement.executeUpdate("insert into book (id, title) values (1, 'discarded')");
        }
        session.rollback();
        assertThat(session.unwrap(SqlSession.class).getMapper(BookMapper.class).title(1)).isNull();
      }
    }
  }

  @Test
  void echoLogsEveryStatementThroughAMyBatisPlugin() throws SQLException {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ReflexDatabase db = open(true)) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      insert(db, 1, "Dune");
      allBooks(db);
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains(StatementEcho.LOGGER).contains("insert into book (id, title) values (?, ?)")
        .contains("select id, title as book_title from book order by id");
  }

  @Test
  void withoutEchoNoStatementIsLogged() throws SQLException {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ReflexDatabase db = open(false)) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      insert(db, 1, "Dune");
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("insert into book");
  }
}
