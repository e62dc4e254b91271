package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code reflex-db init}: writes {@code liquibase.properties} and a first changelog, never prompts, and
 * overwrites nothing without {@code --force}. The files hold no database URL, user or password, and work
 * with the stock Liquibase command line too.
 *
 * <p>Not thread-safe; used once.
 */
@Command(name = "init", description = {"Writes liquibase.properties and a first changelog, "
    + Changelog.DEFAULT_PATH + ", in the working directory."})
final class InitCommand implements Callable<Integer> {
  private static final List<String> FILES = List.of(Changelog.DEFAULTS_FILE, Changelog.DEFAULT_PATH);

  @Option(names = "--force", description = "Overwrite the files if they exist.")
  private boolean force;

  @Option(names = "--empty", description = "A changelog without the example changeset, for a project whose first"
      + " changeset `revision --autogenerate` writes.")
  private boolean empty;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  private final Target target;

  InitCommand(Target target) {
    this.target = target;
  }

  @Override
  public Integer call() {
    List<String> existing = FILES.stream().filter(file -> Files.exists(Path.of(file))).collect(Collectors.toList());
    if (!existing.isEmpty() && !force) {
      throw new CommandFailure(String.join(" and ", existing) + (existing.size() == 1 ? " already exists" :
          " already exist") + "; pass --force to overwrite, or run `reflex-db update` to use what is there");
    }
    for (String file : FILES) {
      write(file, empty && file.equals(Changelog.DEFAULT_PATH) ? "init/empty/" : "init/");
      System.out.println("Wrote " + file);
    }
    if (empty) {
      System.out.println("Next: reflex-db revision --autogenerate -m \"first\", or write a changeset, then"
          + " reflex-db update   (database " + target.masked() + ", from " + target.origin() + ")");
      return 0;
    }
    System.out.println("Next: reflex-db update   (database " + target.masked() + ", from " + target.origin()
        + "; set REFLEX_DB_URL to choose another)");
    // the example's table would be listed as a drop by every revision --autogenerate: say how to start without it
    System.out.println("The example changeset creates table `example`; to let revision --autogenerate write the"
        + " first changeset instead, run reflex-db init --empty --force");
    return 0;
  }

  private static void write(String file, String folder) {
    String resource = folder + Path.of(file).getFileName();
    try (InputStream template = InitCommand.class.getResourceAsStream(resource)) {
      if (template == null) {
        throw new IllegalStateException("the reflex-db jar lacks its template " + resource);
      }
      Path path = Path.of(file);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.write(path, template.readAllBytes());
    } catch (IOException e) {
      throw new CommandFailure("cannot write " + file + " (" + e + "); check that the working directory is"
          + " writable");
    }
  }
}
