package dev.reflex.db.autogenerate;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.changelog.ChangeSet;
import liquibase.command.CommandScope;
import liquibase.command.core.DiffCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ReferenceDbUrlConnectionCommandStep;
import liquibase.database.Database;
import liquibase.database.ObjectQuotingStrategy;
import liquibase.database.core.SQLiteDatabase;
import liquibase.diff.DiffResult;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.core.Column;
import liquibase.structure.core.DataType;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;

/**
 * Liquibase's own comparison of the live database with the scratch one: its {@code diff} command finds the
 * differences, and {@link DiffToChangeLog}, the writer behind {@code diff-changelog}, turns them into changes,
 * ordered so that each one can run after the ones before it.
 *
 * <p>{@code diff-changelog} itself is not called: it only writes a file, and it swallows its own failures
 * (it logs them and succeeds), so a broken comparison would look like "no changes".
 *
 * <p>Not thread-safe; used once.
 */
public final class SchemaDiff {
  /**
   * Changes that remove what the entities do not describe. They are left out unless {@code --allow-drops}
   * is given: filtered by change type after the comparison, because Liquibase's diff options select object
   * types, not directions, and a table the entities no longer map looks to Liquibase just like a table that
   * was never theirs. Liquibase's own tables never appear: its comparison leaves them out.
   */
  private static final Set<String> DROPS = Set.of("dropTable", "dropColumn", "dropIndex", "dropForeignKeyConstraint",
      "dropUniqueConstraint", "dropPrimaryKey", "dropSequence", "dropView", "dropProcedure");

  private static final Pattern H2_GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+");

  private final List<Change> changes = new ArrayList<>();
  private final List<Change> leftOut = new ArrayList<>();
  private final List<String> heldBack = new ArrayList<>();
  private final Map<Change, String> lossy = new IdentityHashMap<>();

  private SchemaDiff() {}

  /**
   * Compares the databases.
   *
   * @param live the database the changes are for
   * @param reference the scratch database, as the entities describe it
   * @param allowDrops whether to keep the changes that remove tables, columns and other objects
   * @param identityColumns the id columns the database numbers itself, {@code table.column} in lower case
   * @param mapped what Hibernate maps, which on SQLite says more than the scratch database ({@link MappedSchema})
   * @return the changes, in the order they must run
   * @throws Exception when Liquibase fails
   */
  static SchemaDiff compare(Database live, Database reference, boolean allowDrops, Set<String> identityColumns,
      MappedSchema mapped) throws Exception {
    CommandScope diff = new CommandScope("diff")
        .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, live)
        .addArgumentValue(ReferenceDbUrlConnectionCommandStep.REFERENCE_DATABASE_ARG, reference)
        .addArgumentValue(DiffCommandStep.FORMAT_ARG, "none")
        .setOutput(OutputStream.nullOutputStream());
    DiffResult result = diff.execute().getResult(DiffCommandStep.DIFF_RESULT);
    boolean sqlite = live instanceof SQLiteDatabase;
    if (sqlite) {
      SqliteComparison.correct(result, mapped, identityColumns);
    }
    // as diff-changelog does: no schema or catalog names in the changes, and the reference's names quoted
    // while the changes are made, so that their case is kept as the database reports it
    DiffOutputControl control = new DiffOutputControl(false, false, false, null);
    ObjectQuotingStrategy quoting = reference.getObjectQuotingStrategy();
    List<ChangeSet> changeSets;
    try {
      reference.setObjectQuotingStrategy(ObjectQuotingStrategy.QUOTE_ALL_OBJECTS);
      changeSets = new DiffToChangeLog(result, control).generateChangeSets();
    } finally {
      reference.setObjectQuotingStrategy(quoting);
    }
    List<Change> changes = new ArrayList<>();
    changeSets.forEach(changeSet -> changes.addAll(changeSet.getChanges()));
    // SQLite's reported types say little (2000000000 sizes) and it holds every type change back anyway
    SchemaDiff schemaDiff = filter(changes, primaryKeyColumns(result.getComparisonSnapshot()), allowDrops,
        identityColumns, sqlite ? Map.of() : columnTypes(result.getComparisonSnapshot()));
    if (sqlite) {
      schemaDiff.heldBack.addAll(SqliteChanges.adapt(schemaDiff.changes, mapped, live));
    }
    return schemaDiff;
  }

  /**
   * What reflex-db makes of Liquibase's changes: a primary key column's "drop not null" is no change, H2's
   * generated key names are forgotten, an identity column is written {@code autoIncrement}, and the drops are
   * left out unless allowed, and so are the changes that can lose data or meaning on a table with rows
   * ({@link LossyChanges}). Apart from {@link #compare}, so that a table of change objects tests it.
   *
   * @param liquibaseChanges the changes Liquibase's comparison generated, in order
   * @param primaryKeys the live database's primary key columns, as {@link #key}
   * @param allowDrops whether to keep the changes that remove objects or can lose data
   * @param identityColumns the id columns the database numbers itself, as {@link #key}
   * @param liveTypes the live database's column types, as {@link #key} to {@code name(size, digits)}; empty where
   *     they are not to be judged
   * @return the changes kept and those left out, in order
   */
  static SchemaDiff filter(List<Change> liquibaseChanges, Set<String> primaryKeys, boolean allowDrops,
      Set<String> identityColumns, Map<String, String> liveTypes) {
    SchemaDiff schemaDiff = new SchemaDiff();
    for (Change change : liquibaseChanges) {
      if (change instanceof DropNotNullConstraintChange notNull
          && primaryKeys.contains(key(notNull.getTableName(), notNull.getColumnName()))) {
        // a primary key column is never null: SQLite reports Hibernate's `id integer ... primary key (id)` as
        // nullable, and Liquibase would rebuild the table to "drop" a constraint that cannot apply
        continue;
      }
      if (change instanceof AddDefaultValueChange add && withoutValue(add)) {
        // MariaDB reports the implicit DEFAULT NULL of a column that became nullable: Liquibase writes an
        // addDefaultValue without a value, which its own validation then refuses ("defaultValue is required")
        continue;
      }
      if (change instanceof CreateTableChange create) {
        forgetGeneratedKeyNames(create);
        create.getColumns().forEach(column -> keepIdentity(create.getTableName(), column, identityColumns));
      }
      if (change instanceof AddColumnChange add) {
        add.getColumns().forEach(column -> keepIdentity(add.getTableName(), column, identityColumns));
      }
      String lossy = LossyChanges.why(change, liveTypes);
      if (lossy != null) {
        schemaDiff.lossy.put(change, lossy);
      }
      boolean drop = DROPS.contains(change.getSerializedObjectName()) || lossy != null;
      (drop && !allowDrops ? schemaDiff.leftOut : schemaDiff.changes).add(change);
    }
    return schemaDiff;
  }

  private static boolean withoutValue(AddDefaultValueChange add) {
    // MariaDB's COLUMN_DEFAULT says NULL as the text "NULL", which Liquibase takes for a string default
    return (add.getDefaultValue() == null || "NULL".equalsIgnoreCase(add.getDefaultValue()))
        && add.getDefaultValueNumeric() == null && add.getDefaultValueDate() == null
        && add.getDefaultValueBoolean() == null && add.getDefaultValueSequenceNext() == null
        && (add.getDefaultValueComputed() == null || "NULL".equalsIgnoreCase(add.getDefaultValueComputed().getValue()));
  }

  /**
   * H2 names a primary key it was given no name for {@code CONSTRAINT_<n>}, numbered per schema: the scratch
   * database's number may be taken in the live one, and H2 picks a free one itself when none is given.
   */
  private static void forgetGeneratedKeyNames(CreateTableChange change) {
    for (ColumnConfig column : change.getColumns()) {
      ConstraintsConfig constraints = column.getConstraints();
      if (constraints != null && constraints.getPrimaryKeyName() != null
          && H2_GENERATED_NAME.matcher(constraints.getPrimaryKeyName()).matches()) {
        constraints.setPrimaryKeyName(null);
      }
    }
  }

  /**
   * The changeset is written on one database and run on others: an id the entities have the database generate is
   * written {@code autoIncrement}, which a scratch SQLite database does not report (its rowid numbers it silently).
   */
  private static void keepIdentity(String table, ColumnConfig column, Set<String> identityColumns) {
    if (identityColumns.contains(key(table, column.getName()))) {
      column.setAutoIncrement(true);
    }
  }

  private static Set<String> primaryKeyColumns(DatabaseSnapshot live) {
    Set<String> columns = new HashSet<>();
    for (Table table : live.get(Table.class)) {
      PrimaryKey primaryKey = table.getPrimaryKey();
      if (primaryKey != null) {
        primaryKey.getColumnNamesAsList().forEach(column -> columns.add(key(table.getName(), column)));
      }
    }
    return columns;
  }

  private static Map<String, String> columnTypes(DatabaseSnapshot live) {
    Map<String, String> types = new HashMap<>();
    for (Column column : live.get(Column.class)) {
      DataType type = column.getType();
      if (column.getRelation() instanceof Table && type != null && type.getTypeName() != null) {
        String name = type.getTypeName();
        if (type.getColumnSize() != null && !name.contains("(")) {
          name += "(" + type.getColumnSize() + (type.getDecimalDigits() == null ? "" : ", " + type.getDecimalDigits())
              + ")";
        }
        types.put(key(column.getRelation().getName(), column.getName()), name);
      }
    }
    return types;
  }

  static String key(String table, String column) {
    return (table + "." + column).toLowerCase(Locale.ROOT);
  }

  /** @return the changes to write, in order */
  public List<Change> changes() {
    return changes;
  }

  /** @return the drops, and the changes that can lose data, left out */
  public List<Change> leftOut() {
    return leftOut;
  }

  /**
   * Says why a change can lose data or meaning.
   *
   * @param change one of {@link #changes} or {@link #leftOut}
   * @return why, in a few words, or {@code null} for a change that removes an object or loses nothing
   */
  public String lossy(Change change) {
    return lossy.get(change);
  }

  /** @return one line per change the database cannot apply, held back (SQLite: {@link SqliteChanges}) */
  public List<String> heldBack() {
    return heldBack;
  }

  /**
   * Describes a change in one line, in Liquibase's words.
   *
   * @param change the change
   * @return e.g. {@code createTable: Table pets created}
   */
  public static String describe(Change change) {
    String message = change.getConfirmationMessage();
    return change.getSerializedObjectName() + (message == null ? "" : ": " + message.replaceAll("\\s+", " ").strip());
  }
}
