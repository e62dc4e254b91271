package dev.reflex.orm.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.contract.ContractSchema;
import dev.reflex.orm.testing.TestDatabases;
import dev.reflex.orm.testing.UserApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user's application in a JVM of its own, with nothing but the provider's runtime jars: as a named module
 * that {@code requires dev.reflex.orm.mybatis} (no {@code --add-modules}, no {@code --add-opens}), and as
 * plain jars on the class path.
 */
class MyBatisUserAppTest {
  static final String MODULE_INFO = String.join("\n",
      "module app {",
      "  requires dev.reflex.orm.mybatis;",
      "  // MyBatis creates result objects and calls their setters by reflection",
      "  opens app.model to org.mybatis;",
      "  // and reads XML mappers beside their interfaces (BookMapper.xml)",
      "  opens app to org.mybatis;",
      "  provides dev.reflex.orm.mybatis.MyBatisConfigurer with app.Db;",
      "}");

  static final String BOOK = String.join("\n",
      "package app.model;",
      "public class Book {",
      "  private long id;",
      "  private String bookTitle;",
      "  public long getId() { return id; }",
      "  public void setId(long id) { this.id = id; }",
      "  public String getBookTitle() { return bookTitle; }",
      "  public void setBookTitle(String bookTitle) { this.bookTitle = bookTitle; }",
      "}");

  static final String MAPPER = String.join("\n",
      "package app;",
      "import app.model.Book;",
      "import java.util.List;",
      "import org.apache.ibatis.annotations.Insert;",
      "import org.apache.ibatis.annotations.Param;",
      "public interface BookMapper {",
      "  @Insert(\"insert into book (id, title) values (#{id}, #{title})\")",
      "  void insert(@Param(\"id\") long id, @Param(\"title\") String title);",
      "  // in BookMapper.xml, beside this interface",
      "  List<Book> all();",
      "}");

  static final String MAPPER_XML = String.join("\n",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<!DOCTYPE mapper PUBLIC \"-//mybatis.org//DTD Mapper 3.0//EN\" \"https://mybatis.org/dtd/mybatis-3-mapper.dtd\">",
      "<mapper namespace=\"app.BookMapper\">",
      "  <select id=\"all\" resultType=\"app.model.Book\">select id, title as book_title from book order by id</select>",
      "</mapper>");

  /** Declared with {@code provides}; its effect (camel-case mapping) shows in the titles printed. */
  static final String CONFIGURER = String.join("\n",
      "package app;",
      "import dev.reflex.orm.mybatis.MyBatisConfigurer;",
      "import org.apache.ibatis.session.Configuration;",
      "public class Db implements MyBatisConfigurer {",
      "  @Override public void configure(Configuration configuration) {",
      "    configuration.setMapUnderscoreToCamelCase(true);",
      "  }",
      "}");

  static final String MAIN = String.join("\n",
      "package app;",
      "import app.model.Book;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import org.apache.ibatis.session.SqlSession;",
      "public class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().url(args[0]).register(BookMapper.class).build()) {",
      "      db.transaction(s -> {",
      "        s.unwrap(SqlSession.class).getMapper(BookMapper.class).insert(1, \"Dune\");",
      "        return null;",
      "      });",
      "      db.transaction(s -> {",
      "        for (Book book : s.unwrap(SqlSession.class).getMapper(BookMapper.class).all()) {",
      "          System.out.println(\"book \" + book.getId() + \" \" + book.getBookTitle() + \" via \" + db.provider());",
      "        }",
      "        return null;",
      "      });",
      "    }",
      "  }",
      "}");

  private static UserApp app() {
    return app(MODULE_INFO);
  }

  private static UserApp app(String moduleInfo) {
    return new UserApp(Map.of(
        "module-info.java", moduleInfo,
        "app/model/Book.java", BOOK,
        "app/BookMapper.java", MAPPER,
        "app/BookMapper.xml", MAPPER_XML,
        "app/Db.java", CONFIGURER,
        "app/Main.java", MAIN,
        "META-INF/services/dev.reflex.orm.mybatis.MyBatisConfigurer", "app.Db\n"));
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
    assertThat(result.output()).contains("book 1 Dune via mybatis");
  }

  @Test
  void sameApplicationRunsOnTheClassPath() {
    UserApp.Result result = app().runOnClassPath(UserApp.providerRuntimePath(), "app.Main", freshSqliteUrl());
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.output()).contains("book 1 Dune via mybatis");
  }

  @Test
  void xmlMapperPackageNotOpenFailsWhenTheDatabaseIsBuilt() {
    String moduleInfo = MODULE_INFO.replace("  opens app to org.mybatis;\n", "");
    UserApp.Result result = app(moduleInfo).runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main",
        freshSqliteUrl());
    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.output()).contains("ProviderFailedException: MyBatis cannot read app/BookMapper.xml, the XML"
        + " mapper of app.BookMapper: module app does not open package app to it; add `opens app to org.mybatis;`"
        + " to the module-info.java of app").doesNotContain("Invalid bound statement");
  }

  @Test
  void resultClassPackageNotOpenFailsWhenTheDatabaseIsBuilt() {
    String moduleInfo = MODULE_INFO.replace("  opens app.model to org.mybatis;\n", "");
    UserApp.Result result = app(moduleInfo).runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main",
        freshSqliteUrl());
    assertThat(result.exitCode()).as("%s", result).isNotZero();
    assertThat(result.output()).contains("ProviderFailedException: MyBatis cannot create app.model.Book, the result"
        + " of app.BookMapper.all-Inline: module app does not open package app.model to it; add"
        + " `opens app.model to org.mybatis;` to the module-info.java of app").doesNotContain("book 1 Dune");
  }
}
