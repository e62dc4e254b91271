package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What reflex-orm sets in Hibernate: the dialect, statement logging, and no schema generation. */
class HibernateSettingsTest {
  private static final Map<TestDatabase, Class<? extends Dialect>> DIALECTS = Map.of(
      TestDatabase.SQLITE_FILE, SQLiteDialect.class, TestDatabase.SQLITE_MEMORY, SQLiteDialect.class,
      TestDatabase.H2, H2Dialect.class, TestDatabase.POSTGRESQL, PostgreSQLDialect.class,
      TestDatabase.MARIADB, MariaDBDialect.class);

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void eachDatabaseGetsItsOwnDialect(TestDatabase database) {
    try (ReflexDatabase db = ReflexDatabase.builder().url(database.freshUrl()).provider("hibernate")
        .register(Book.class).build()) {
      Dialect dialect = db.unwrap(SessionFactory.class).unwrap(SessionFactoryImplementor.class).getJdbcServices()
          .getDialect();
      assertThat(dialect).isExactlyInstanceOf(DIALECTS.get(database));
    }
  }

  @Test
  void echoLogsEveryStatementThroughHibernate() throws Exception {
    assertThat(statementsPrinted(true)).contains("Hibernate: select", "from book");
    assertThat(statementsPrinted(false)).doesNotContain("Hibernate: select");
  }

  private static String statementsPrinted(boolean echo) throws SQLException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).echo(echo))) {
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      db.transaction(s -> s.unwrap(Session.class).find(Book.class, 1L));
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noSchemaIsGeneratedUnlessAsked() {
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).provider("hibernate")
        .register(Book.class).build()) {
      assertThatThrownBy(() -> BookTable.count(db)).isInstanceOf(SQLException.class).hasMessageContaining("BOOK");
    }
  }

  @Test
  void schemaIsGeneratedWhenAConfigurerAsksHibernate() throws SQLException {
    HibernateConfigurer create = configuration -> configuration.setProperty("hibernate.hbm2ddl.auto", "create");
    try (ReflexDatabase db = ReflexDatabase.builder().url(TestDatabase.H2.freshUrl()).provider("hibernate")
        .register(Book.class).configure(create).build()) {
      assertThat(BookTable.count(db)).isZero();
    }
  }

  @Test
  void classesWithoutMappingAnnotationsAreLeftToOtherProviders() throws SQLException {
    try (ReflexDatabase db = BookTable.open(ReflexDatabase.builder().url(TestDatabase.H2.freshUrl())
        .register(Runnable.class, HibernateSettingsTest.class))) {
      assertThat(db.unwrap(SessionFactory.class).getMetamodel().getEntities()).hasSize(1);
    }
  }
}
