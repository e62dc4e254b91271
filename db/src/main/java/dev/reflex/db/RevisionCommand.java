package dev.reflex.db;

import dev.reflex.db.autogenerate.Autogenerate;
import dev.reflex.db.autogenerate.Causes;
import dev.reflex.db.autogenerate.RevisionFile;
import dev.reflex.db.autogenerate.SchemaDiff;
import dev.reflex.db.autogenerate.UserClasses;
import dev.reflex.orm.internal.UrlParser;
import dev.reflex.orm.migrations.internal.Changelog;
import java.util.List;
import java.util.concurrent.Callable;
import liquibase.change.Change;
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
  @Option(names = {"-m", "--message"}, required = true, paramLabel = "MESSAGE",
      description = "What the revision does; names the file.")
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

  @Option(names = "--contexts", paramLabel = "CONTEXTS", description = "Liquibase contexts the database was"
      + " updated with: changesets outside them are not pending.")
  private String contexts;

  @Option(names = "--labels", paramLabel = "EXPRESSION", description = "Liquibase label expression the database"
      + " was updated with, as for update.")
  private String labels;

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
    if (scratchUrl != null) {
      target.scrubber().url(scratchUrl);
      try {
        target.scrubber().password(UrlParser.parse(scratchUrl).password());
      } catch (RuntimeException e) {
        throw new CommandFailure("--scratch-url is not a database URL: " + Causes.rootMessage(e));
      }
    }
    SchemaDiff diff = new Autogenerate(target.require(), target.user(), target.password(), target.masked())
        .compare(changelog, classpath, entities, scratchUrl, allowDrops, contexts, labels);
    for (Change change : diff.changes()) {
      System.out.println("  " + SchemaDiff.describe(change));
    }
    for (Change change : diff.leftOut()) {
      String lossy = diff.lossy(change);
      System.out.println("  left out (pass --allow-drops to write it): " + SchemaDiff.describe(change)
          + (lossy == null ? "" : " (" + lossy + ")"));
    }
    for (String line : diff.heldBack()) {
      System.out.println("  held back: " + line);
    }
    if (diff.changes().isEmpty()) {
      System.out.println("no changes: " + target.masked() + " matches the entities" + (diff.leftOut().isEmpty()
          && diff.heldBack().isEmpty() ? "" : ", but for what was left out or held back") + "; nothing written");
      return 0;
    }
    file.write(diff.changes(), message);
    System.out.println("Wrote " + file.path() + "; review it, then run `reflex-db update`");
    return 0;
  }
}
