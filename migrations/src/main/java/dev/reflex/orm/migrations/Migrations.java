package dev.reflex.orm.migrations;

import dev.reflex.orm.migrations.internal.Changelog;
import dev.reflex.orm.migrations.internal.ChangelogLock;
import dev.reflex.orm.migrations.internal.ChangelogSource;
import com.zaxxer.hikari.HikariDataSource;
import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.internal.Secrets;
import dev.reflex.orm.spi.ClassPathExports;
import java.lang.invoke.MethodHandles;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.ChangeExecListenerCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.ui.LoggerUIService;

/**
 * Applies a Liquibase changelog to a database from code, in-process, through Liquibase's own {@code update}
 * command and under Liquibase's lock: for tests, and for applications that choose to migrate when they start.
 * Nothing migrates unless the application calls {@link #update(ReflexDatabase)}.
 *
 * <pre>{@code
 * try (ReflexDatabase db = ReflexDatabase.builder().build()) {
 *   MigrationReport report = Migrations.ofDefaultChangelog().update(db);
 *   log.info("applied {}", report.applied());
 * }
 * }</pre>
 *
 * <p>The changelog is found as {@code reflex-db update} finds it ({@code liquibase.properties} in the working
 * directory, else {@value Changelog#DEFAULT_PATH}) and recorded under the same path, so the rows written to
 * {@code DATABASECHANGELOG} are the ones {@code reflex-db update} writes and either can follow the other. A
 * changelog that is not a file under the working directory is read from the class path.
 *
 * <p>Immutable and thread-safe. Updates in one JVM run one at a time; updates from several processes wait for
 * each other on Liquibase's lock, as long as Liquibase's {@code changelogLockWaitTimeInMinutes} (5 by default): the
 * instances of one deploy that start together wait for the one that migrates instead of failing. A run that fails
 * frees the lock it took even when Liquibase could not (see {@code ChangelogLock}), and its message names the
 * changeset that failed, or who holds the lock and since when, and when to run {@code reflex-db release-locks}.
 */
public final class Migrations {
  private static final String ANALYTICS = "liquibase.analytics.enabled";
  /**
   * Liquibase keeps its lock and history services as JVM-wide singletons and resets them all when a run ends, so
   * two runs at once in one JVM can leave the other's lock row set: runs in one JVM take turns, and runs in
   * different processes wait for each other on Liquibase's lock.
   */
  private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

  static {
    // on the class path beside an API on the module path (Surefire's layout for a modular application's tests),
    // the API's internal package is exported to this jar at run time, before anything here uses it
    ClassPathExports.grant(MethodHandles.lookup());
    // before Liquibase writes a lock row in this JVM, so that the rows it writes name this JVM
    ChangelogLock.markThisJvm();
  }

  private final String changelogFile;
  private final ClassLoader classLoader;

  private Migrations(String changelogFile, ClassLoader classLoader) {
    this.changelogFile = changelogFile;
    this.classLoader = classLoader;
  }

  /**
   * Uses the changelog {@code reflex-db update} uses when no {@code --changelog-file} is given: the one named
   * by {@code liquibase.properties} in the working directory, else {@value Changelog#DEFAULT_PATH}.
   *
   * @return the migrations
   */
  public static Migrations ofDefaultChangelog() {
    return new Migrations(null, null);
  }

  /**
   * Uses the given changelog, as {@code reflex-db update --changelog-file=PATH} would.
   *
   * @param changelogFile a path under the working directory, or a class path resource such as
   *     {@code db/changelog/db.changelog-master.yaml}
   * @return the migrations
   */
  public static Migrations of(String changelogFile) {
    return new Migrations(Objects.requireNonNull(changelogFile, "changelogFile"), null);
  }

  /**
   * Reads class path changelogs through this class loader instead of the thread's context class loader.
   *
   * @param loader the class loader
   * @return new migrations with that loader
   */
  public Migrations classLoader(ClassLoader loader) {
    return new Migrations(changelogFile, Objects.requireNonNull(loader, "loader"));
  }

  /**
   * Applies every changeset not yet applied, on one connection of the database's pool.
   *
   * @apiNote Takes Liquibase's lock for the run: as long as a run takes, and no longer.
   * @param database the database
   * @return what ran
   * @throws UnableToMigrateException when the changelog is missing, a changeset fails, or another run holds the
   *     lock for longer than Liquibase waits
   */
  public MigrationReport update(ReflexDatabase database) {
    return update(database.dataSource());
  }

  /**
   * Applies every changeset not yet applied, on one connection of the data source.
   *
   * @param dataSource the data source
   * @return what ran
   * @throws UnableToMigrateException when the changelog is missing or a changeset fails
   */
  public MigrationReport update(DataSource dataSource) {
    Changelog changelog = Changelog.resolve(changelogFile, null, null);
    ONE_AT_A_TIME.lock();
    try (ChangelogSource source = ChangelogSource.find(changelog, loader())) {
      return run(dataSource, changelog, source, true);
    } finally {
      ONE_AT_A_TIME.unlock();
    }
  }

  private MigrationReport run(DataSource dataSource, Changelog changelog, ChangelogSource source, boolean firstTry) {
    List<String> applied = new ArrayList<>();
    AppliedChangeSets listener = new AppliedChangeSets(applied);
    ChangelogLock lock = null;
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      lock = ChangelogLock.of(database);
      execute(database, changelog, source, listener);
      connection.close();
      return new MigrationReport(changelog.path(), applied);
    } catch (Exception failure) {
      discard(dataSource, connection, failure);
      if (firstTry && applied.isEmpty() && listener.failed() == null && aboutTheChangelogTable(failure)
          && !MigrationFailure.sqliteBusy(failure)) {
        // Liquibase creates DATABASECHANGELOG before it takes its lock (liquibase/liquibase#5254): another run
        // created it a moment ago, nothing was applied, and a second attempt waits for the lock
        return run(dataSource, changelog, source, false);
      }
      throw new MigrationFailure(changelog, dataSource, lock, secrets(dataSource)).toException(failure, listener);
    }
  }

  private static void execute(Database database, Changelog changelog, ChangelogSource source,
      AppliedChangeSets listener) throws Exception {
    Map<String, Object> scope = new HashMap<>();
    scope.put(Scope.Attr.resourceAccessor.name(), source.accessor());
    // Liquibase's summary goes to its log, not to the application's standard output
    scope.put(Scope.Attr.ui.name(), new LoggerUIService());
    if (System.getProperty(ANALYTICS) == null && System.getenv("LIQUIBASE_ANALYTICS_ENABLED") == null) {
      // as reflex-db: no call home from an application's start or a test run unless the user asks for it
      scope.put(ANALYTICS, false);
    }
    Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
        .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, changelog.path())
        .addArgumentValue(ChangeExecListenerCommandStep.CHANGE_EXEC_LISTENER_ARG, listener)
        .execute());
  }

  /**
   * Gives up the connection of a failed run without reusing it: its transaction state is Liquibase's guess (on
   * SQLite, after SQLITE_BUSY, it is in manual commit with no transaction, and every commit or rollback on it fails).
   */
  private static void discard(DataSource dataSource, Connection connection, Exception failure) {
    if (connection == null) {
      return;
    }
    if (dataSource instanceof HikariDataSource) {
      // closes it at once; the pool makes a new one
      ((HikariDataSource) dataSource).evictConnection(connection);
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /** @return the passwords the data source connects with, when it is a pool that says so */
  private static List<String> secrets(DataSource dataSource) {
    List<String> secrets = new ArrayList<>();
    if (dataSource instanceof HikariDataSource) {
      HikariDataSource pool = (HikariDataSource) dataSource;
      secrets.add(pool.getPassword());
      secrets.addAll(Secrets.passwords(pool.getJdbcUrl()));
    }
    return secrets;
  }

  private static boolean aboutTheChangelogTable(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("databasechangelog")) {
        return true;
      }
    }
    return false;
  }

  private ClassLoader loader() {
    if (classLoader != null) {
      return classLoader;
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Migrations.class.getClassLoader();
  }
}
