package dev.reflex.orm.hibernate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.TestDatabases;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A user's application, compiled and started in its own JVM exactly as users do: on the module path with no
 * {@code --add-modules} or {@code --add-opens}, and on the class path, with a {@link HibernateConfigurer} declared
 * the way each path declares services. The jars are the provider's runtime
 * dependencies as Maven resolves them (target/runtime-path.txt), so a test-only jar cannot make this pass.
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
      "import java.sql.Connection;",
      "import java.sql.Statement;",
      "import org.hibernate.Session;",
      "public class Main {",
      "  public static void main(String[] args) throws Exception {",
      "    try (ReflexDatabase db = ReflexDatabase.builder().url(args[0]).register(Book.class).build()) {",
      "      try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {",
      "        s.execute(\"create table book (id bigint primary key, title varchar(200) not null)\");",
      "        if (!c.getAutoCommit()) c.commit();",
      "      }",
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

  private static List<String> jars;
  private static Path work;

  @BeforeAll
  static void readRuntimePath() throws IOException {
    String listed = Files.readString(Path.of(System.getProperty("reflex.test.runtime.path"))).strip();
    jars = new ArrayList<>(Arrays.asList(listed.split(File.pathSeparator)));
    jars.add(System.getProperty("reflex.test.classes")); // this module, exploded, with its module-info.class
    work = Files.createTempDirectory(TestDatabases.tempDir(), "app");
  }

  @Test
  void runtimePathHasNeitherTestJarsNorTheOldJaxbApi() {
    assertThat(jars).noneMatch(jar -> jar.matches(".*(junit|assertj|testcontainers|h2-|javax\\.xml\\.bind|jaxb-api).*"));
    assertThat(jars).anyMatch(jar -> jar.contains("hibernate-core")).anyMatch(jar -> jar.contains("jakarta.enterprise.cdi-api"));
  }

  @Test
  void userModuleRunsOnTheModulePathWithNoFlags() throws Exception {
    Path classes = compile("opened", "  " + OPENS);
    Result run = run("--module-path", path(classes), "-m", "app/app.Main", freshUrl());
    assertThat(run.output).contains("book 1 Dune", "book 2 Emma", "configured by app.Db",
        "app module: app, hibernate module: org.hibernate.orm.core");
    assertThat(run.exitCode).as(run.output).isZero();
  }

  @Test
  void sameApplicationRunsOnTheClassPath() throws Exception {
    Path classes = compile("classpath", "  " + OPENS);
    Result run = run("-cp", path(classes), "app.Main", freshUrl());
    assertThat(run.output).contains("book 1 Dune", "book 2 Emma", "configured by app.Db", "app module: null, hibernate module: null");
    assertThat(run.exitCode).as(run.output).isZero();
  }

  @Test
  void unopenedModelPackageFailsWithTheOneLineToAdd() throws Exception {
    Path classes = compile("unopened", "");
    Result run = run("--module-path", path(classes), "-m", "app/app.Main", freshUrl());
    assertThat(run.exitCode).as(run.output).isEqualTo(1);
    List<String> failure = run.output.lines().filter(line -> line.startsWith("ProviderFailedException: "))
        .collect(Collectors.toList());
    assertThat(failure).containsExactly("ProviderFailedException: Hibernate cannot reach app.model.Book: module app"
        + " does not open package app.model to it; add `" + OPENS + "` to the module-info.java of app");
  }

  private static String freshUrl() {
    return "sqlite:///" + work.resolve("app-" + TestDatabases.suffix() + ".db");
  }

  private static Path compile(String name, String opens) throws IOException {
    Path sources = work.resolve(name + "-src");
    Path classes = work.resolve(name + "-classes");
    write(sources.resolve("module-info.java"),
        "module app {\n  requires dev.reflex.orm.hibernate;\n" + opens + "\n  provides " + HibernateConfigurer.class.getName()
            + " with app.Db;\n}\n");
    write(sources.resolve("app/model/Book.java"), BOOK);
    write(sources.resolve("app/Main.java"), MAIN);
    write(sources.resolve("app/Db.java"), DB);
    // the JDK's javac through java.util.spi.ToolProvider (java.base), which the test module reads without flags
    ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
    StringWriter messages = new StringWriter();
    PrintWriter out = new PrintWriter(messages);
    int code = javac.run(out, out, "--release", "17", "-d", classes.toString(),
        "--module-path", String.join(File.pathSeparator, jars),
        sources.resolve("module-info.java").toString(), sources.resolve("app/model/Book.java").toString(),
        sources.resolve("app/Main.java").toString(), sources.resolve("app/Db.java").toString());
    out.flush();
    assertThat(code).as(messages.toString()).isZero();
    // the class path's way of declaring the same configurer
    write(classes.resolve("META-INF/services/" + HibernateConfigurer.class.getName()), "app.Db\n");
    return classes;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static String path(Path classes) {
    List<String> entries = new ArrayList<>();
    entries.add(classes.toString());
    entries.addAll(jars);
    return String.join(File.pathSeparator, entries);
  }

  private static Result run(String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(arguments));
    Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not end within 120 s: " + command);
    }
    return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  private static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
