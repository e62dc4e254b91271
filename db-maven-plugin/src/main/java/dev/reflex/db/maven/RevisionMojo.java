package dev.reflex.db.maven;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn reflex-db:revision -Dmessage="add book" [-Dautogenerate]}: {@code reflex-db revision}, with the
 * project's compiled classes and compile class path as {@code --classpath}, so that autogenerate finds the entities
 * of the project's declared {@code HibernateConfigurer}s as the command does. The project is compiled first.
 *
 * <p>Not thread-safe (see {@link ReflexDbMojo}).
 */
@Mojo(name = "revision", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = false)
@Execute(phase = LifecyclePhase.COMPILE)
public final class RevisionMojo extends ReflexDbMojo {
  /** What the revision does; names the file. */
  @Parameter(property = "message", required = true)
  private String message;

  /** Fill the changeset with the difference between the project's entities and the database. */
  @Parameter(property = "autogenerate", defaultValue = "false")
  private boolean autogenerate;

  /** The package of the entities to use, instead of those the project's declared configurers register. */
  @Parameter(property = "entities")
  private String entities;

  /** Also write the changes that drop what the entities do not describe. */
  @Parameter(property = "allowDrops", defaultValue = "false")
  private boolean allowDrops;

  /** An empty database of the same kind for Hibernate's export, when reflex-db cannot create one. */
  @Parameter(property = "scratchUrl")
  private String scratchUrl;

  /** Liquibase contexts the database was updated with. */
  @Parameter(property = "contexts")
  private String contexts;

  /** The Liquibase label expression the database was updated with. */
  @Parameter(property = "labels")
  private String labels;

  @Parameter(defaultValue = "${project.compileClasspathElements}", readonly = true, required = true)
  private List<String> classpath;

  @Override
  List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of("revision", "--message=" + message));
    if (autogenerate) {
      arguments.add("--autogenerate");
      // an output folder of a project without sources is never made, and reflex-db refuses a missing entry
      arguments.add("--classpath=" + classpath.stream().filter(entry -> Files.exists(Path.of(entry)))
          .collect(Collectors.joining(File.pathSeparator)));
    }
    add(arguments, "--entities", entities);
    add(arguments, "--scratch-url", scratchUrl);
    add(arguments, "--contexts", contexts);
    add(arguments, "--labels", labels);
    if (allowDrops) {
      arguments.add("--allow-drops");
    }
    return arguments;
  }

  private static void add(List<String> arguments, String option, String value) {
    if (value != null && !value.isBlank()) {
      arguments.add(option + "=" + value);
    }
  }
}
