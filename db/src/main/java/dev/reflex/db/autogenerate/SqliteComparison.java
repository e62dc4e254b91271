package dev.reflex.db.autogenerate;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.DataType;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

/**
 * Liquibase's comparison of two SQLite databases, corrected before it becomes changes. Hibernate's SQLite export is
 * not the whole mapping (no foreign key, no table-level unique constraint, an IDENTITY column sometimes without a
 * type) and SQLite reports sizes that mean nothing (2000000000), so: sizes it reports for types that have none are
 * forgotten; SQLite's own {@code sqlite_autoindex_*} indexes, which back a {@code UNIQUE} and cannot be created or
 * dropped by name, are not compared, and the mapping's unique keys are compared by their columns instead (a
 * missing one becomes a unique index, which SQLite and every other database can add to an existing table); the
 * mapping's foreign keys are compared by their columns; and two declared types are the same when they name the
 * same type ({@link PortableTypes#canonical}).
 *
 * <p>Not thread-safe; used once.
 */
final class SqliteComparison {
  /** SQLite reports this size for every type declared without one. */
  private static final int NO_SIZE = 2_000_000_000;
  private static final String AUTO_INDEX = "sqlite_autoindex_";

  private SqliteComparison() {}

  /**
   * Corrects the comparison in place.
   *
   * @param result Liquibase's comparison of the live database with the scratch one
   * @param mapped what Hibernate maps
   * @param identityColumns the columns the database numbers itself, as {@link SchemaDiff#key}
   */
  static void correct(DiffResult result, MappedSchema mapped, Set<String> identityColumns) {
    forgetMeaninglessSizes(result.getReferenceSnapshot(), mapped);
    forgetMeaninglessSizes(result.getComparisonSnapshot(), MappedSchema.NONE);
    sameTypes(result, identityColumns);
    uniqueKeys(result, mapped);
    foreignKeys(result, mapped);
  }

  private static void forgetMeaninglessSizes(DatabaseSnapshot snapshot, MappedSchema mapped) {
    for (Column column : snapshot.get(Column.class)) {
      DataType type = column.getType();
      if (type == null || column.getRelation() == null) {
        continue;
      }
      String portable = mapped.type(column.getRelation().getName(), column.getName());
      if ((type.getTypeName() == null || type.getTypeName().isBlank()) && portable != null) {
        // Hibernate's SQLite dialect declares some IDENTITY columns with no type: the mapping knows it
        column.setType(new DataType(portable));
        continue;
      }
      if (type.getColumnSize() != null && type.getColumnSize() >= NO_SIZE) {
        type.setColumnSize(null);
        type.setDecimalDigits(null);
      }
      if (type.getColumnSize() == null) {
        type.setDecimalDigits(null);
      }
    }
  }

  /** A type difference between two spellings of one type is none; nor is an id's numbering, which SQLite hides. */
  private static void sameTypes(DiffResult result, Set<String> identityColumns) {
    Iterator<Map.Entry<DatabaseObject, ObjectDifferences>> changed = result.getChangedObjects().entrySet().iterator();
    while (changed.hasNext()) {
      Map.Entry<DatabaseObject, ObjectDifferences> entry = changed.next();
      if (!(entry.getKey() instanceof Column column) || column.getRelation() == null) {
        continue;
      }
      ObjectDifferences differences = entry.getValue();
      Column live = result.getComparisonSnapshot().get(column);
      Column reference = result.getReferenceSnapshot().get(column);
      boolean identity = identityColumns.contains(SchemaDiff.key(column.getRelation().getName(), column.getName()));
      if (differences.isDifferent("type") && live != null && reference != null
          && (identity || canonical(live.getType()).equals(canonical(reference.getType())))) {
        differences.removeDifference("type");
      }
      if (identity) {
        differences.removeDifference("autoIncrement");
      }
      if (!differences.hasDifferences()) {
        changed.remove();
      }
    }
  }

  static String canonical(DataType type) {
    if (type == null) {
      return "";
    }
    String arguments = "";
    if (type.getColumnSize() != null) {
      arguments = "(" + type.getColumnSize() + (type.getDecimalDigits() == null || type.getDecimalDigits() == 0
          && !type.getTypeName().toUpperCase(Locale.ROOT).matches("NUMERIC|DECIMAL|NUMBER") ? ""
          : "," + type.getDecimalDigits()) + ")";
    }
    String canonical = PortableTypes.canonical(type.getTypeName() + arguments);
    // a timestamp's or an integer's size is a precision SQLite does not keep
    return canonical.startsWith("NUMERIC") || canonical.startsWith("VARCHAR") || canonical.startsWith("CHAR")
        ? canonical : canonical.replaceFirst("\\(.*$", "");
  }

  /**
   * SQLite backs a {@code UNIQUE} with an index it names itself; Hibernate's SQLite export writes only the unique
   * columns, not the unique constraints of a table. The mapping's unique keys are compared with the live database's
   * unique indexes, whatever their names.
   */
  private static void uniqueKeys(DiffResult result, MappedSchema mapped) {
    Set<String> liveUnique = new HashSet<>();
    for (Index index : result.getComparisonSnapshot().get(Index.class)) {
      if (Boolean.TRUE.equals(index.isUnique()) && index.getRelation() != null) {
        liveUnique.add(shape(index.getRelation().getName(), index.getColumns()));
      }
    }
    for (UniqueConstraint unique : result.getComparisonSnapshot().get(UniqueConstraint.class)) {
      if (unique.getRelation() != null) {
        liveUnique.add(shape(unique.getRelation().getName(), unique.getColumns()));
      }
    }
    Set<String> mappedUnique = mapped.uniqueKeys().stream().map(key -> shape(key.table(), String.join(",",
        key.columns()))).collect(Collectors.toSet());
    removeIf(result, object -> object instanceof UniqueConstraint
        || object instanceof Index index && (isAutoIndex(index) || Boolean.TRUE.equals(index.isUnique())
            && index.getRelation() != null
            && mappedUnique.contains(shape(index.getRelation().getName(), index.getColumns()))));
    for (MappedSchema.Key key : mapped.uniqueKeys()) {
      if (!liveUnique.contains(shape(key.table(), String.join(",", key.columns())))) {
        Column[] columns = key.columns().stream().map(Column::new).toArray(Column[]::new);
        Index index = new Index(key.name(), null, null, key.table(), columns);
        index.setUnique(true);
        result.addMissingObject(index);
      }
    }
  }

  /** Hibernate's SQLite export creates no foreign key: the mapping's are compared with the live database's. */
  private static void foreignKeys(DiffResult result, MappedSchema mapped) {
    Set<String> live = new HashSet<>();
    for (ForeignKey foreignKey : result.getComparisonSnapshot().get(ForeignKey.class)) {
      live.add(shape(foreignKey));
    }
    Set<String> mappedShapes = mapped.foreignKeys().stream().map(MappedSchema.Key::shape)
        .map(shape -> shape.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    removeIf(result, object -> object instanceof ForeignKey foreignKey && mappedShapes.contains(shape(foreignKey)));
    for (MappedSchema.Key key : mapped.foreignKeys()) {
      if (!live.contains(key.shape().toLowerCase(Locale.ROOT))) {
        ForeignKey foreignKey = new ForeignKey(key.name(), null, null, key.table(),
            key.columns().stream().map(Column::new).toArray(Column[]::new));
        foreignKey.setPrimaryKeyTable(new Table(null, null, key.referencedTable()));
        key.referencedColumns().forEach(column -> foreignKey.addPrimaryKeyColumn(new Column(column)));
        result.addMissingObject(foreignKey);
      }
    }
  }

  private static String shape(ForeignKey foreignKey) {
    return new MappedSchema.Key(null, foreignKey.getForeignKeyTable().getName(),
        foreignKey.getForeignKeyColumns().stream().map(Column::getName).toList(),
        foreignKey.getPrimaryKeyTable().getName(),
        foreignKey.getPrimaryKeyColumns().stream().map(Column::getName).toList()).shape().toLowerCase(Locale.ROOT);
  }

  private static String shape(String table, List<Column> columns) {
    return shape(table, columns.stream().map(Column::getName).collect(Collectors.joining(",")));
  }

  private static String shape(String table, String columns) {
    return SchemaDiff.key(table, columns.replace(" ", ""));
  }

  private static boolean isAutoIndex(Index index) {
    return index.getName() != null && index.getName().toLowerCase(Locale.ROOT).startsWith(AUTO_INDEX);
  }

  private static void removeIf(DiffResult result, java.util.function.Predicate<DatabaseObject> test) {
    result.getMissingObjects().removeIf(test);
    result.getUnexpectedObjects().removeIf(test);
    result.getChangedObjects().keySet().removeIf(test);
  }
}
