package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import dev.reflex.orm.internal.DatabaseUrl;
import java.util.List;
import java.util.concurrent.Callable;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.SearchPathResourceAccessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reflex-db check}: exit 0 when every changeset of the changelog has run on the database, 1 listing
 * the pending ones. Liquibase's {@code status} exits 0 either way; this asks Liquibase itself which
 * changesets have not run, so change tracking stays Liquibase's.
 *
 * <p>Not thread-safe; used once.
 */
@Command(name = "check", description = {"Exits 0 when the database is up to date, 1 listing the pending"
    + " changesets."})
final class CheckCommand implements Callable<Integer> {
  @Option(names = "--contexts", paramLabel = "CONTEXTS", description = "Liquibase contexts to check, as for update.")
  private String contexts;

  @Option(names = "--labels", paramLabel = "EXPRESSION",
      description = "Liquibase label expression to check, as for update.")
  private String labels;

  @Mixin
  private ConnectionOptions connection;

  private final Arguments arguments;
  private final Target target;

  CheckCommand(Arguments arguments, Target target) {
    this.arguments = arguments;
    this.target = target;
  }

  @Override
  public Integer call() throws Exception {
    DatabaseUrl databaseUrl = target.require();
    Changelog changelog = arguments.changelog();
    if (changelog.missing()) {
      throw new CommandFailure("the changelog " + changelog.path() + " (" + changelog.origin()
          + ") does not exist; run `reflex-db init` to create one, or pass --changelog-file=PATH");
    }
    List<ChangeSet> pending;
    try (SearchPathResourceAccessor accessor = new SearchPathResourceAccessor(changelog.searchPath())) {
      // Liquibase takes a URL, a user and a password only: the other credentials stay in the URL
      Database database = DatabaseFactory.getInstance().openDatabase(databaseUrl.jdbcUrlWithParameters(),
          target.user(), target.password(), null, accessor);
      try (Liquibase liquibase = new Liquibase(changelog.path(), accessor, database)) {
        pending = liquibase.listUnrunChangeSets(new Contexts(contexts), new LabelExpression(labels));
      }
    }
    if (pending.isEmpty()) {
      System.out.println("Up to date: " + target.masked() + " has run every changeset of " + changelog.path());
      return 0;
    }
    System.out.println(pending.size() + (pending.size() == 1 ? " changeset is" : " changesets are")
        + " pending on " + target.masked() + ":");
    for (ChangeSet changeSet : pending) {
      System.out.println("  " + changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor());
    }
    throw new CommandFailure(pending.size() + " pending " + (pending.size() == 1 ? "changeset" : "changesets")
        + "; run `reflex-db update` to apply them");
  }
}
