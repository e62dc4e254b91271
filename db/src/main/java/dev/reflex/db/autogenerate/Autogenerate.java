package dev.reflex.db.autogenerate;

import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.migrations.internal.Changelog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.SearchPathResourceAccessor;

/**
 * The autogenerate engine's entry: Hibernate exports the application's entities into a scratch database of the
 * target's kind ({@link ScratchDatabase}, {@link EntityExport}), and Liquibase compares the target with it
 * ({@link SchemaDiff}); {@link RevisionFile} writes what it finds. Nothing the export runs can reach the target:
 * see docs/migrations.md, "What revision --autogenerate can touch". The command line is a thin shell over this.
 *
 * <p>Not thread-safe; used once.
 */
public final class Autogenerate {
  private final DatabaseUrl live;
  private final String user;
  private final String password;
  private final String masked;

  /**
   * @param live the target database
   * @param user its user, or {@code null}
   * @param password its password, or {@code null}; never printed
   * @param masked the target as messages show it, with where it comes from
   */
  public Autogenerate(DatabaseUrl live, String user, String password, String masked) {
    this.live = live;
    this.user = user;
    this.password = password;
    this.masked = masked;
  }

  /**
   * Exports the entities into a scratch database and compares the target with it.
   *
   * @param changelog the changelog, whose changesets must all have run on the target
   * @param classpath the application's classes and jars, or {@code null} for {@link UserClasses#DEFAULT}
   * @param entities the package of the entities, or {@code null} for those the declared configurers register
   * @param scratchUrl an empty database to export into, or {@code null} to create one
   * @param allowDrops whether to keep the changes that drop what the entities do not describe
   * @param contexts the Liquibase contexts the target was updated with, or {@code null} for all
   * @param labels the Liquibase label expression the target was updated with, or {@code null} for all
   * @return the changes, and those left out
   * @throws AutogenerateFailure in one line, with what to do
   * @throws Exception what Liquibase throws while it compares
   */
  public SchemaDiff compare(Changelog changelog, String classpath, String entities, String scratchUrl,
      boolean allowDrops, String contexts, String labels) throws Exception {
    try (UserClasses classes = UserClasses.open(classpath);
        SearchPathResourceAccessor accessor = new SearchPathResourceAccessor(changelog.searchPath())) {
      Database liveDatabase = open(live.jdbcUrl(), user, password, accessor, live.masked());
      try (liveDatabase; ScratchDatabase scratch = ScratchDatabase.create(live, user, password,
          scratchUrl); EntityExport export = EntityExport.create(classes, entities, scratch, live.kind(),
              targetNames(liveDatabase))) {
        // checked last, so that every problem of the entities is reported whatever the state of the database
        refuseWhenPending(open(live.jdbcUrl(), user, password, accessor, live.masked()),
            changelog, accessor, new Contexts(contexts), new LabelExpression(labels));
        Database reference = open(scratch.jdbcUrl(), scratch.user(), scratch.password(), accessor,
            scratch.describe());
        try (reference) {
          return SchemaDiff.compare(liveDatabase, reference, allowDrops, export.identityColumns(),
              export.mappedSchema());
        }
      }
    }
  }

  /** @return the target's database and default schema: a mapping that names them means the scratch database */
  private static Set<String> targetNames(Database live) {
    Set<String> names = new HashSet<>();
    for (String name : new String[] {live.getDefaultCatalogName(), live.getDefaultSchemaName()}) {
      if (name != null && !name.isBlank()) {
        names.add(name);
      }
    }
    return names;
  }

  /**
   * As Alembic does: the comparison is with the database as it is, so a changeset that has not run would be
   * written a second time.
   */
  private void refuseWhenPending(Database database, Changelog changelog, SearchPathResourceAccessor accessor,
      Contexts contexts, LabelExpression labels) throws Exception {
    // Liquibase.close() closes the database too, which is what the caller wants here
    try (Liquibase liquibase = new Liquibase(changelog.path(), accessor, database)) {
      // as update filtered them: a changeset of a context the database was not updated with is not pending
      List<ChangeSet> pending = liquibase.listUnrunChangeSets(contexts, labels);
      if (!pending.isEmpty()) {
        throw new AutogenerateFailure(pending.size() + (pending.size() == 1 ? " changeset of " : " changesets of ")
            + changelog.path() + " (first " + pending.get(0).getId() + ") not yet run on " + masked
            + "; run `reflex-db update` first, so that the new revision holds only what the entities add");
      }
    }
  }

  private static Database open(String jdbcUrl, String user, String password, SearchPathResourceAccessor accessor,
      String shown) {
    try {
      return DatabaseFactory.getInstance().openDatabase(jdbcUrl, user, password, null, accessor);
    } catch (Exception e) {
      throw new AutogenerateFailure("cannot connect to " + shown + ": " + Causes.rootMessage(e)
          + "; check that the database server is running and that the URL names it");
    }
  }
}
