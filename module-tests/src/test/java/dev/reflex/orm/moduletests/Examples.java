package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.testing.Launcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The built example applications, each with the jars a user ships: its classes and {@code target/lib}. */
final class Examples {
  private Examples() {}

  static Path dir() {
    return Path.of(System.getProperty("reflex.examples.dir", "../examples")).toAbsolutePath().normalize();
  }

  /** @return the example's classes folder followed by every jar of its {@code target/lib} */
  static List<Path> runtime(String flavour) {
    List<Path> path = new ArrayList<>();
    path.add(dir().resolve("bookshelf-" + flavour).resolve("target/classes"));
    path.addAll(lib(flavour, jar -> true));
    return path;
  }

  /** @return the jars of the example's {@code target/lib} that pass the filter, in name order */
  static List<Path> lib(String flavour, Predicate<String> keep) {
    Path lib = dir().resolve("bookshelf-" + flavour).resolve("target/lib");
    assertThat(lib).as("built by the examples module (run the build from the root)").isDirectory();
    try (Stream<Path> jars = Files.list(lib)) {
      return jars.filter(jar -> keep.test(jar.getFileName().toString())).sorted().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Migrates a database with the examples' shared changelog, as their README says: {@code reflex-db update} in the
   * examples' folder, through the packaged launcher.
   *
   * @param url the database
   */
  static void migrate(String url) {
    Launcher.Result update = new Launcher(dir()).env("REFLEX_DB_URL", url).run("update");
    assertThat(update.exitCode()).as("%s", update).isZero();
  }
}
