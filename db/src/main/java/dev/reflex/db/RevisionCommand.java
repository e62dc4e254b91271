package dev.reflex.db;

import dev.reflex.orm.migrations.internal.Changelog;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.SearchPathResourceAccessor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code reflex-db revision}: a new changelog file with one changeset, included in the master changelog;
 * with {@code --autogenerate}, filled with the changes that bring the database to what the application's
 * Hibernate entities describe. Hibernate exports the entities into a scratch database of the same kind,
 * and Liquibase compares the two; neither the export nor the comparison is ours.
 *
 * <p>Not thread-safe; used once.
 */
@Command(name = "revision", description = {"Writes a new changelog file with one changeset and includes it in"
    + " the master changelog; with --autogenerate, the changes that bring the database to what the"
    + " application's Hibernate entities describe."})
final class RevisionCommand implements Callable<Integer> {
  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE", description = "What the revision does; names the file.")
  private String message;

  @Option(names = "--autogenerate", description = "Fill the changeset with the difference between the entities"
      + " and the database.")
  private boolean autogenerate;

  @Option(names = "--classpath", paramLabel = "PATH", description = "The application's classes and jars, separated"
      + " by the path separator (DIR/* for a folder's jars); default " + UserClasses.DEFAULT + ".")
  private String classpath;

  @Option(names = "--entities", paramLabel = "PACKAGE", description = "The package whose @Entity, @Embeddable,"
      + " @MappedSuperclass and @Converter classes to use; default: those the application's declared"
      + " HibernateConfigurers register (reflex-orm-hibernate on --classpath). Declared configurers are applied"
      + " either way, for naming and settings.")
  private String entities;

  @Option(names = "--scratch-url", paramLabel = "URL", description = "An empty database of the same kind for"
      + " Hibernate's export, when reflex-db cannot create a temporary one; emptied again afterwards.")
  private String scratchUrl;

  @Option(names = "--allow-drops", description = "Also write the changes that drop tables, columns and other"
      + " objects the entities do not describe.")
  private boolean allowDrops;

  @Mixin
  private ConnectionOptions connection;

  private final Arguments arguments;
  private final Target target;

  RevisionCommand(Arguments arguments, Target target) {
    this.arguments = arguments;
    this.target = target;
  }

  @Override
  public Integer call() throws Exception {
    Changelog changelog = arguments.changelog();
    RevisionFile file = RevisionFile.plan(changelog, message);
    if (!autogenerate) {
      file.write(List.of(), message);
      System.out.println("Wrote " + file.path());
      return 0;
    }
    SchemaDiff diff = autogenerate(target.require(), changelog);
    for (Change change : diff.changes()) {
      System.out.println("  " + SchemaDiff.describe(change));
    }
    for (Change change : diff.leftOut()) {
      System.out.println("  left out (pass --allow-drops to write it): " + SchemaDiff.describe(change));
    }
    if (diff.changes().isEmpty()) {
      System.out.println("no changes: " + target.masked() + " matches the entities" + (diff.leftOut().isEmpty()
          ? "" : ", but for what was left out") + "; nothing written");
      return 0;
    }
    file.write(diff.changes(), message);
    System.out.println("Wrote " + file.path() + "; review it, then run `reflex-db update`");
    return 0;
  }

  private SchemaDiff autogenerate(DatabaseUrl live, Changelog changelog) throws Exception {
    if (scratchUrl != null) {
      target.scrubber().url(scratchUrl);
      try {
        target.scrubber().password(UrlParser.parse(scratchUrl).password());
      } catch (RuntimeException e) {
        throw new CommandFailure("--scratch-url is not a database URL: " + Causes.rootMessage(e));
      }
    }
    try (UserClasses classes = UserClasses.open(classpath);
        SearchPathResourceAccessor accessor = new SearchPathResourceAccessor(changelog.searchPath())) {
      Database liveDatabase = open(live.jdbcUrl(), target.user(), target.password(), accessor, live.masked());
      try (liveDatabase; ScratchDatabase scratch = ScratchDatabase.create(live, target.user(), target.password(),
          scratchUrl); EntityExport export = EntityExport.create(classes, entities, scratch, live.kind(),
              targetNames(liveDatabase))) {
        // checked last, so that every problem of the entities is reported whatever the state of the database
        refuseWhenPending(open(live.jdbcUrl(), target.user(), target.password(), accessor, live.masked()),
            changelog, accessor);
        Database reference = open(scratch.jdbcUrl(), scratch.user(), scratch.password(), accessor,
            scratch.describe());
        try (reference) {
          return SchemaDiff.compare(liveDatabase, reference, allowDrops, export.identityColumns());
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
  private void refuseWhenPending(Database database, Changelog changelog, SearchPathResourceAccessor accessor)
      throws Exception {
    // Liquibase.close() closes the database too, which is what the caller wants here
    try (Liquibase liquibase = new Liquibase(changelog.path(), accessor, database)) {
      List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
      if (!pending.isEmpty()) {
        throw new CommandFailure(pending.size() + (pending.size() == 1 ? " changeset of " : " changesets of ")
            + changelog.path() + " (first " + pending.get(0).getId() + ") not yet run on " + target.masked()
            + "; run `reflex-db update` first, so that the new revision holds only what the entities add");
      }
    }
  }

  private static Database open(String jdbcUrl, String user, String password, SearchPathResourceAccessor accessor,
      String shown) {
    try {
      return DatabaseFactory.getInstance().openDatabase(jdbcUrl, user, password, null, accessor);
    } catch (Exception e) {
      throw new CommandFailure("cannot connect to " + shown + ": " + Causes.rootMessage(e)
          + "; check that the database server is running and that the URL names it");
    }
  }
}
