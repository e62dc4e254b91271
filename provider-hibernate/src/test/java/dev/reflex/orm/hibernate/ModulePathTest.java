package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.test.contract.ContractSchema;
import dev.reflex.orm.testing.TestDatabases;
import dev.reflex.orm.testing.UserApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A user's application, compiled and started in its own JVM exactly as users do: on the module path with no
 * {@code --add-modules} or {@code --add-opens}, and on the class path, with a {@link HibernateConfigurer} declared
 * the way each path declares services. The jars are the provider's runtime
 * dependencies as Maven resolves them (target/runtime-classpath.txt), so a test-only jar cannot make this pass.
 */
class ModulePathTest {
  private static final String OPENS = "opens app.model to org.hibernate.orm.core;";

  private static final String BOOK = String.join("\n",
      "package app.model;",
      "import jakarta.persistence.Entity;",
      "import jakarta.persistence.Id;",
      "@Entity",
      "public class Book {",
      "  @Id public long id;",
      "  public String title;",
      "  protected Book() {}",
      "  public Book(long id, String title) { this.id = id; this.title = title; }",
      "}");

  private static final String DB = String.join("\n",
      "package app;",
      "import dev.reflex.orm.hibernate.HibernateConfigurer;",
      "import org.hibernate.cfg.Configuration;",
      "public final class Db implements HibernateConfigurer {",
      "  @Override public void configure(Configuration configuration) {",
      "    configuration.setProperty(\"app.configured\", \"by app.Db\");",
      "  }",
      "}");

  private static final String MAIN = String.join("\n",
      "package app;",
      "import app.model.Book;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import dev.reflex.orm.ReflexException;",
      "import dev.reflex.orm.ReflexSession;",
      "import org.hibernate.Session;",
      "public class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().url(args[0]).register(Book.class).build()) {",
      "      db.transaction(s -> {",
      "        s.unwrap(Session.class).persist(new Book(1, \"Dune\"));",
      "        s.unwrap(Session.class).persist(new Book(2, \"Emma\"));",
      "        return null;",
      "      });",
      "      try (ReflexSession session = db.session()) {",
      "        for (Book b : session.unwrap(Session.class)",
      "            .createSelectionQuery(\"from Book order by id\", Book.class).getResultList()) {",
      "          System.out.println(\"book \" + b.id + \" \" + b.title);",
      "        }",
      "      }",
      "      System.out.println(\"configured \" + db.unwrap(org.hibernate.SessionFactory.class)",
      "          .getProperties().get(\"app.configured\"));",
      "      System.out.println(\"app module: \" + Main.class.getModule().getName()",
      "          + \", hibernate module: \" + Session.class.getModule().getName());",
      "    } catch (ReflexException e) {",
      "      System.out.println(e.getClass().getSimpleName() + \": \" + e.getMessage());",
      "      System.exit(1);",
      "    }",
      "  }",
      "}");

  private static UserApp app(String opens) {
    return new UserApp(Map.of(
        "module-info.java", "module app {\n  requires dev.reflex.orm.hibernate;\n" + opens + "\n  provides "
            + HibernateConfigurer.class.getName() + " with app.Db;\n}\n",
        "app/model/Book.java", BOOK,
        "app/Main.java", MAIN,
        "app/Db.java", DB,
        // the class path's way of declaring the same configurer
        "META-INF/services/" + HibernateConfigurer.class.getName(), "app.Db\n"));
  }

  private static String freshUrl() {
    return "sqlite:///" + TestDatabases.tempDir().resolve("app-" + TestDatabases.suffix() + ".db");
  }

  /** @return a new SQLite file with the book table, made by the contract's changelog as migrations would */
  private static String bookDatabase() {
    return ContractSchema.migrated(freshUrl());
  }

  @Test
  void runtimePathHasNeitherTestJarsNorTheOldJaxbApi() {
    List<String> jars = UserApp.providerRuntimePath().stream().map(Path::toString).collect(Collectors.toList());
    assertThat(jars).noneMatch(jar -> jar.matches(".*(junit|assertj|testcontainers|h2-|javax\\.xml\\.bind|jaxb-api).*"));
    assertThat(jars).anyMatch(jar -> jar.contains("hibernate-core")).anyMatch(jar -> jar.contains("jakarta.enterprise.cdi-api"));
  }

  @Test
  void userModuleRunsOnTheModulePathWithNoFlags() {
    UserApp.Result run = app("  " + OPENS).runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main",
        bookDatabase());
    assertThat(run.output()).contains("book 1 Dune", "book 2 Emma", "configured by app.Db",
        "app module: app, hibernate module: org.hibernate.orm.core");
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void sameApplicationRunsOnTheClassPath() {
    UserApp.Result run = app("  " + OPENS).runOnClassPath(UserApp.providerRuntimePath(), "app.Main",
        bookDatabase());
    assertThat(run.output()).contains("book 1 Dune", "book 2 Emma", "configured by app.Db",
        "app module: null, hibernate module: null");
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  @Test
  void unopenedModelPackageFailsWithTheOneLineToAdd() {
    UserApp.Result run = app("").runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main",
        bookDatabase());
    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    List<String> failure = run.output().lines().filter(line -> line.startsWith("ProviderFailedException: "))
        .collect(Collectors.toList());
    assertThat(failure).containsExactly("ProviderFailedException: Hibernate cannot reach app.model.Book: module app"
        + " does not open package app.model to it; add `" + OPENS + "` to the module-info.java of app");
  }

  private static final String BASE = String.join("\n",
      "package app.base;",
      "import jakarta.persistence.Id;",
      "import jakarta.persistence.MappedSuperclass;",
      "@MappedSuperclass",
      "public abstract class Base {",
      "  @Id public long id;",
      "}");

  private static final String ISBN = String.join("\n",
      "package app.value;",
      "import jakarta.persistence.Embeddable;",
      "@Embeddable",
      "public class Isbn {",
      "  public String code;",
      "  protected Isbn() {}",
      "  public Isbn(String code) { this.code = code; }",
      "}");

  private static final String NOVEL = String.join("\n",
      "package app.model;",
      "import app.base.Base;",
      "import app.value.Isbn;",
      "import jakarta.persistence.Embedded;",
      "import jakarta.persistence.Entity;",
      "@Entity",
      "public class Novel extends Base {",
      "  public String title;",
      "  @Embedded public Isbn isbn;",
      "  protected Novel() {}",
      "  public Novel(long id, String title, String isbn) { this.id = id; this.title = title; this.isbn = new Isbn(isbn); }",
      "}");

  private static final String NOVEL_MAIN = String.join("\n",
      "package app;",
      "import app.model.Novel;",
      "import dev.reflex.orm.ReflexDatabase;",
      "import dev.reflex.orm.ReflexException;",
      "import java.sql.Connection;",
      "import java.sql.Statement;",
      "import org.hibernate.Session;",
      "public class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().url(args[0]).register(Novel.class).build()) {",
      "      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {",
      "        s.execute(\"create table Novel (id bigint primary key, title varchar(200), code varchar(20))\");",
      "        if (!c.getAutoCommit()) c.commit();",
      "      }",
      "      db.transaction(s -> { s.unwrap(Session.class).persist(new Novel(1, \"Dune\", \"978-0441013593\")); return null; });",
      "      Novel novel = db.transaction(s -> s.unwrap(Session.class).find(Novel.class, 1L));",
      "      System.out.println(\"novel \" + novel.id + \" \" + novel.title + \" \" + novel.isbn.code);",
      "    } catch (ReflexException e) {",
      "      System.out.println(e.getClass().getSimpleName() + \": \" + e.getMessage());",
      "      System.exit(1);",
      "    }",
      "  }",
      "}");

  private static UserApp novelApp(String opens) {
    return new UserApp(Map.of(
        "module-info.java", "module app {\n  requires dev.reflex.orm.hibernate;\n" + opens + "}\n",
        "app/base/Base.java", BASE,
        "app/value/Isbn.java", ISBN,
        "app/model/Novel.java", NOVEL,
        "app/Main.java", NOVEL_MAIN));
  }

  @Test
  void superclassAndEmbeddablePackagesAreCheckedToo() {
    String model = "  opens app.model to org.hibernate.orm.core;\n";
    String base = "  opens app.base to org.hibernate.orm.core;\n";
    String value = "  opens app.value to org.hibernate.orm.core;\n";

    UserApp.Result noBase = novelApp(model + value).runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main",
        freshUrl());
    assertThat(noBase.exitCode()).as(noBase.output()).isEqualTo(1);
    assertThat(noBase.output()).contains("ProviderFailedException: Hibernate cannot reach app.base.Base: module app"
        + " does not open package app.base to it; add `opens app.base to org.hibernate.orm.core;` to the"
        + " module-info.java of app");

    UserApp.Result noValue = novelApp(model + base).runOnModulePath(UserApp.providerRuntimePath(), "app/app.Main",
        freshUrl());
    assertThat(noValue.exitCode()).as(noValue.output()).isEqualTo(1);
    assertThat(noValue.output()).contains("ProviderFailedException: Hibernate cannot reach app.value.Isbn: module app"
        + " does not open package app.value to it; add `opens app.value to org.hibernate.orm.core;` to the"
        + " module-info.java of app");

    UserApp.Result all = novelApp(model + base + value).runOnModulePath(UserApp.providerRuntimePath(),
        "app/app.Main", freshUrl());
    assertThat(all.output()).contains("novel 1 Dune 978-0441013593");
    assertThat(all.exitCode()).as(all.output()).isZero();
  }
}
