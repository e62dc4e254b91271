package dev.reflex.db.maven;

import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code mvn reflex-db:liquibase -Dargs="rollback-count --count=1"}: any reflex-db command line, for the commands
 * without a goal of their own (Liquibase's {@code rollback}, {@code diff}, {@code tag}, ..., and {@code init}).
 *
 * <p>Not thread-safe (see {@link ReflexDbMojo}).
 */
@Mojo(name = "liquibase", requiresProject = true, threadSafe = false)
public final class LiquibaseMojo extends ReflexDbMojo {
  /** The command line, as typed after {@code reflex-db}; quotes group words as a shell's do. */
  @Parameter(property = "args", required = true)
  private String args;

  @Override
  List<String> arguments() throws MojoExecutionException {
    List<String> words = Words.split(args);
    if (words.isEmpty()) {
      throw new MojoExecutionException("reflex-db: -Dargs is empty; give the command line, e.g."
          + " -Dargs=\"rollback-count --count=1\"");
    }
    return words;
  }
}
