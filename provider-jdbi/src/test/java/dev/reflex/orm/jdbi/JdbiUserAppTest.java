package dev.reflex.orm.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.contract.ContractSchema;
import dev.reflex.orm.testing.TestDatabases;
import dev.reflex.orm.testing.UserApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user's application in a JVM of its own, with nothing but the provider's runtime jars: as a named module
 * that {@code requires dev.reflex.orm.jdbi} (no {@code --add-modules}, no {@code --add-opens}), and as
 * plain jars on the class path.
 */
class JdbiUserAppTest {
  static final String MODULE_INFO = String.join("\n",
      "module app {",
      "  requires dev.reflex.orm.jdbi;",
      "  // JDBI's ConstructorMapper calls the result type's constructor by reflection",
      "  opens app.model to org.jdbi.v3.core;",
      "  provides dev.reflex.orm.jdbi.JdbiConfigurer with app.Db;",
      "}");

  static final String BOOK = String.join("\n",
      "package app.model;",
      "import org.jdbi.v3.core.mapper.reflect.ColumnName;",
      "public class Book {",
      "  private final long id;",
      "  private final String title;",
      "  public Book(@ColumnName(\"id\") long id, @ColumnName(\"title\") String title) {",
      "    this.id = id;",
      "    this.title = title;",
      "  }",
      "  public long id() { return id; }",
      "  public String title() { return title; }",
      "}");

  static final String DAO = String.join("\n",
      "package app;",
      "import app.model.Book;",
      "import java.util.List;",
      "import org.jdbi.v3.sqlobject.customizer.Bind;",
      "import org.jdbi.v3.sqlobject.statement.SqlQuery;",
      "import org.jdbi.v3.sqlobject.statement.SqlUpdate;",
      "public interface BookDao {",
      "  @SqlUpdate(\"insert into book (id, title) values (:id, :title)\")",
      "  void insert(@Bind(\"id\") long id, @Bind(\"title\") String title);",
      "  @SqlQuery(\"select id, title from book order by id\")",
      "  List<Book> all();",
      "}");

  /** Declared with {@code provides}; without its row mapper, {@code all()} could not map a Book. */
  static final String CONFIGURER = String.join("\n",
      "package app;",
      "import app.model.Book;",
      "import dev.reflex.orm.jdbi.JdbiConfigurer;",
      "import org.jdbi.v3.core.Jdbi;",
      "import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;",
      "public class Db implements JdbiConfigurer {",
      "  @Override public void configure(Jdbi jdbi) {",
      "    jdbi.registerRowMapper(ConstructorMapper.factory(Book.class));",
      "  }",
      "}");

  static final String MAIN = String.join("\n",
      "package app;",
      "import app.model.Book;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import org.jdbi.v3.core.Handle;",
      "public class Main {",
      "  public static void main(String[] args) {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().url(args[0]).register(BookDao.class).build()) {",
      "      db.transaction(s -> {",
      "        s.unwrap(Handle.class).attach(BookDao.class).insert(1, \"Dune\");",
      "        return null;",
      "      });",
      "      db.transaction(s -> {",
      "        for (Book book : s.unwrap(Handle.class).attach(BookDao.class).all()) {",
      "          System.out.println(\"book \" + book.id() + \" \" + book.title() + \" via \" + db.provider());",
      "        }",
      "        return null;",
      "      });",
      "    }",
      "  }",
      "}");

  private static UserApp app() {
    return new UserApp(Map.of(
        "module-info.java", MODULE_INFO,
        "app/model/Book.java", BOOK,
        "app/BookDao.java", DAO,
        "app/Db.java", CONFIGURER,
        "app/Main.java", MAIN,
        "META-INF/services/dev.reflex.orm.jdbi.JdbiConfigurer", "app.Db\n"));
  }

  /** @return a new SQLite file with the book table, made by the contract's changelog as migrations would */
  private static String freshSqliteUrl() {
    return ContractSchema.migrated("sqlite:///" + TestDatabases.tempDir().resolve("app-" + TestDatabases.suffix()
        + ".db"));
  }

  @Test
  void namedModuleRunsOnTheModulePathWithNoExtraFlags() {
    UserApp.Result result = app().runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main", freshSqliteUrl());
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.output()).contains("book 1 Dune via jdbi");
  }

  @Test
  void sameApplicationRunsOnTheClassPath() {
    UserApp.Result result = app().runOnClassPath(UserApp.providerRuntimePath(), "app.Main", freshSqliteUrl());
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.output()).contains("book 1 Dune via jdbi");
  }
}
