package dev.reflex.db.maven;

import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn reflex-db:update}: {@code reflex-db update}, which runs the changesets that have not run on the database
 * of {@code REFLEX_DB_URL}.
 *
 * <p>Not thread-safe (see {@link ReflexDbMojo}).
 */
@Mojo(name = "update", threadSafe = false)
public final class UpdateMojo extends ChangesetsMojo {
  @Override
  String command() {
    return "update";
  }
}
