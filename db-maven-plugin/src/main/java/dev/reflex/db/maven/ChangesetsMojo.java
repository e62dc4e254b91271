package dev.reflex.db.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal about the changesets that run on the database, which Liquibase's contexts and labels choose from.
 *
 * <p>Not thread-safe (see {@link ReflexDbMojo}).
 */
abstract class ChangesetsMojo extends ReflexDbMojo {
  /** Liquibase contexts, as {@code --contexts} of the command. */
  @Parameter(property = "contexts")
  private String contexts;

  /** A Liquibase label expression, as {@code --labels} of the command. */
  @Parameter(property = "labels")
  private String labels;

  /** @return the command's name */
  abstract String command();

  @Override
  final List<String> arguments() {
    List<String> arguments = new ArrayList<>(List.of(command()));
    if (contexts != null && !contexts.isBlank()) {
      arguments.add("--contexts=" + contexts);
    }
    if (labels != null && !labels.isBlank()) {
      arguments.add("--labels=" + labels);
    }
    return arguments;
  }
}
