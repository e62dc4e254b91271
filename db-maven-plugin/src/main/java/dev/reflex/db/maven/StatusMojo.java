package dev.reflex.db.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn reflex-db:status}: {@code reflex-db status}, which lists the changesets that have not run on the
 * database, and succeeds either way (see {@link CheckMojo} for a goal that fails).
 *
 * <p>Not thread-safe (see {@link ReflexDbMojo}).
 */
@Mojo(name = "status", threadSafe = false)
public final class StatusMojo extends ChangesetsMojo {
  @Override
  String command() {
    return "status";
  }
}
