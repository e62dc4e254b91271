package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import dev.reflex.orm.testing.UserApp;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reflex-db revision --autogenerate} with the application's declared {@code HibernateConfigurer}s, through
 * the packaged launcher: reflex-db does not ship reflex-orm-hibernate, so the application puts it on
 * {@code --classpath}, as its build has it among its dependencies; without it, one line says so. The application
 * is compiled against the Hibernate example's jars, so that this module does not put a second provider on its
 * own class path.
 */
class RevisionConfigurerTest {
  private static final String CONFIGURER = String.join("\n",
      "package notes;",
      "import jakarta.persistence.*;",
      "import org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl;",
      "import org.hibernate.cfg.Configuration;",
      "public final class SnakeCaseNotes implements dev.reflex.orm.hibernate.HibernateConfigurer {",
      "  @Override public void configure(Configuration configuration) {",
      "    configuration.addAnnotatedClass(ClinicNote.class);",
      "    configuration.setPhysicalNamingStrategy(new PhysicalNamingStrategySnakeCaseImpl());",
      "  }",
      "  public static void main(String[] args) {}",
      "}",
      "@Entity class ClinicNote {",
      "  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Integer id;",
      "  String noteText;",
      "}");
  private static Path app;

  @TempDir
  Path project;

  private Launcher reflexDb;

  /** The application's classes, with the configurer declared in their service file. */
  @BeforeAll
  static void compileTheApplication() throws IOException {
    UserApp compiler = new UserApp(Map.of("notes/SnakeCaseNotes.java", CONFIGURER));
    UserApp.Result compiled = compiler.runOnClassPath(Examples.lib("hibernate", jar -> true), "notes.SnakeCaseNotes");
    assertThat(compiled.exitCode()).as("%s", compiled).isZero();
    app = compiler.dir().resolve("classpath-classes");
    Path services = app.resolve("META-INF/services/dev.reflex.orm.hibernate.HibernateConfigurer");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "notes.SnakeCaseNotes\n");
  }

  @BeforeEach
  void initAndUpdate() {
    reflexDb = new Launcher(project).env("REFLEX_DB_URL", "sqlite:///app.db");
    assertThat(reflexDb.run("init").exitCode()).isZero();
    assertThat(reflexDb.run("update").exitCode()).isZero();
  }

  @Test
  void declaredConfigurersChooseEntitiesAndNaming() throws Exception {
    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "notes", "--classpath",
        classpath(withLib(app)));
    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).contains("createTable: Table clinic_note created");
    assertThat(Files.readString(changeFiles().get(0))).contains("name: note_text");
  }

  @Test
  void aDeclaredConfigurerWithoutReflexOrmHibernateOnTheClasspathIsOneLineThatNamesTheFix() throws Exception {
    Launcher.Result result = reflexDb.run("revision", "--autogenerate", "-m", "notes", "--classpath",
        classpath(List.of(app)));
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    assertThat(result.errLines()).as("%s", result).singleElement().asString()
        .startsWith("reflex-db: --classpath declares a HibernateConfigurer")
        .contains("put reflex-orm-hibernate on --classpath");
    assertThat(changeFiles()).isEmpty();
  }

  /** @return the application's classes and the jars its build ships, reflex-orm-hibernate among them */
  private static List<Path> withLib(Path classes) {
    List<Path> path = new ArrayList<>(List.of(classes));
    path.addAll(Examples.lib("hibernate", jar -> true));
    return path;
  }

  private static String classpath(List<Path> entries) {
    return String.join(File.pathSeparator, entries.stream().map(Path::toString).toList());
  }

  private List<Path> changeFiles() throws IOException {
    Path changes = project.resolve("db/changelog/changes");
    if (!Files.isDirectory(changes)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(changes)) {
      return files.sorted().toList();
    }
  }
}
