package dev.reflex.db.maven;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code mvn reflex-db:check}: {@code reflex-db check}, which fails, listing them, when changesets have not run on
 * the database. Bound to {@code verify} when an execution names it without a phase, so that a build whose changelog
 * has not run on {@code REFLEX_DB_URL} fails.
 *
 * <p>Not thread-safe (see {@link ReflexDbMojo}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = false)
public final class CheckMojo extends ChangesetsMojo {
  @Override
  String command() {
    return "check";
  }
}
