package dev.reflex.orm.migrations.internal;

import dev.reflex.orm.spi.ChangelogStatus;
import java.sql.Connection;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * The changesets of the changelog {@code reflex-db update} uses that have not run on a database, as Liquibase counts
 * them ({@code reflex-db check} asks the same), for the API's message when a statement finds a table or column
 * missing and for {@code ReflexDatabaseBuilder.checkChangelog}. It reads DATABASECHANGELOG without creating it, and
 * takes no lock.
 *
 * <p>Thread-safe (stateless).
 */
public final class LiquibaseChangelogStatus implements ChangelogStatus {
  /** For {@link java.util.ServiceLoader}. */
  public LiquibaseChangelogStatus() {}

  @Override
  public Status status(Connection connection) throws Exception {
    Changelog changelog = Changelog.resolve(null, null, null);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : LiquibaseChangelogStatus.class.getClassLoader();
    try (ChangelogSource source = ChangelogSource.ifFound(changelog, loader)) {
      if (source == null) {
        return null;
      }
      Database database =
          DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // not closed: that would close the connection, which is the caller's
      Liquibase liquibase = new Liquibase(changelog.path(), source.accessor(), database);
      Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(), source.accessor());
      // false: DATABASECHANGELOG is read where it exists, never created
      Scope.ScopedRunnerWithReturn<Integer> count =
          () -> liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression(), false).size();
      return new Status(changelog.path(), Scope.child(scope, count));
    }
  }
}
