package dev.reflex.db.autogenerate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddForeignKeyConstraintChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;

/**
 * The changes of a revision written on SQLite, made to run there and on the other databases alike: each column
 * gets the type Hibernate maps, named as Liquibase names its types ({@link PortableTypes}); a new table's foreign
 * keys are declared in its {@code createTable}, the one place SQLite takes them, with the tables created after the
 * tables they reference; and a change Liquibase cannot apply on SQLite (it refuses {@code modifyDataType},
 * {@code addNotNullConstraint}, {@code addForeignKeyConstraint}... there) is held back with one line saying so,
 * rather than written into a changeset that fails.
 *
 * <p>Not thread-safe; used once.
 */
final class SqliteChanges {
  private SqliteChanges() {}

  /**
   * Adapts the changes in place.
   *
   * @param changes the changes to write, in order; those SQLite cannot apply are removed
   * @param mapped what Hibernate maps
   * @param live the SQLite database the changes are for, whose Liquibase says what it cannot apply
   * @return one line per change held back
   */
  static List<String> adapt(List<Change> changes, MappedSchema mapped, Database live) {
    for (Change change : changes) {
      if (change instanceof CreateTableChange create) {
        create.getColumns().forEach(column -> portable(create.getTableName(), column, mapped));
      } else if (change instanceof AddColumnChange add) {
        add.getColumns().forEach(column -> portable(add.getTableName(), column, mapped));
      } else if (change instanceof ModifyDataTypeChange modify) {
        String type = mapped.type(modify.getTableName(), modify.getColumnName());
        if (type != null) {
          modify.setNewDataType(type);
        }
      }
    }
    inlineForeignKeys(changes);
    List<String> heldBack = new ArrayList<>();
    for (Iterator<Change> each = changes.iterator(); each.hasNext();) {
      Change change = each.next();
      ValidationErrors errors = change.validate(live);
      if (errors != null && errors.hasErrors()) {
        each.remove();
        heldBack.add(SchemaDiff.describe(change) + ": " + errors.getErrorMessages().get(0)
            + "; SQLite alters a table only by rebuilding it: write a changeset that creates the new table,"
            + " copies the rows (sql: INSERT INTO new SELECT ... FROM old), drops the old table and renames the new"
            + " one (docs/migrations.md, \"On SQLite\")");
      }
    }
    return heldBack;
  }

  private static void portable(String table, ColumnConfig column, MappedSchema mapped) {
    String type = mapped.type(table, column.getName());
    if (type != null) {
      column.setType(type);
    }
  }

  /**
   * Moves each single-column foreign key of a table this revision creates into its {@code createTable}, and orders
   * the {@code createTable}s so that a referenced table comes first (PostgreSQL and MariaDB check that it exists).
   * A key of a table that already exists, of several columns, or of a cycle of tables stays an
   * {@code addForeignKeyConstraint}.
   */
  private static void inlineForeignKeys(List<Change> changes) {
    Map<String, CreateTableChange> created = new LinkedHashMap<>();
    for (Change change : changes) {
      if (change instanceof CreateTableChange create) {
        created.put(create.getTableName().toLowerCase(Locale.ROOT), create);
      }
    }
    Map<String, Set<String>> references = new LinkedHashMap<>();
    created.keySet().forEach(table -> references.put(table, new HashSet<>()));
    for (Change change : changes) {
      if (change instanceof AddForeignKeyConstraintChange key && created.containsKey(lower(key.getBaseTableName()))
          && !key.getBaseTableName().equalsIgnoreCase(key.getReferencedTableName())) {
        references.get(lower(key.getBaseTableName())).add(lower(key.getReferencedTableName()));
      }
    }
    List<String> order = new ArrayList<>();
    Set<String> placed = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<String, Set<String>> table : references.entrySet()) {
        if (!placed.contains(table.getKey()) && table.getValue().stream()
            .allMatch(referenced -> placed.contains(referenced) || !created.containsKey(referenced))) {
          order.add(table.getKey());
          placed.add(table.getKey());
          progress = true;
        }
      }
    }
    created.keySet().stream().filter(table -> !placed.contains(table)).forEach(order::add);
    for (Iterator<Change> each = changes.iterator(); each.hasNext();) {
      if (each.next() instanceof AddForeignKeyConstraintChange key && inline(key, created, order)) {
        each.remove();
      }
    }
    // the createTables keep their places in the list, in the new order
    List<Integer> slots = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i) instanceof CreateTableChange) {
        slots.add(i);
      }
    }
    for (int i = 0; i < slots.size(); i++) {
      changes.set(slots.get(i), created.get(order.get(i)));
    }
  }

  private static boolean inline(AddForeignKeyConstraintChange key, Map<String, CreateTableChange> created,
      List<String> order) {
    String base = lower(key.getBaseTableName());
    String referenced = lower(key.getReferencedTableName());
    CreateTableChange create = created.get(base);
    if (create == null || key.getBaseColumnNames().contains(",")
        || created.containsKey(referenced) && order.indexOf(referenced) > order.indexOf(base)) {
      return false;
    }
    for (ColumnConfig column : create.getColumns()) {
      if (column.getName().equalsIgnoreCase(key.getBaseColumnNames().strip())) {
        ConstraintsConfig constraints = column.getConstraints() == null ? new ConstraintsConfig()
            : column.getConstraints();
        constraints.setForeignKeyName(key.getConstraintName());
        constraints.setReferencedTableName(key.getReferencedTableName());
        constraints.setReferencedColumnNames(key.getReferencedColumnNames());
        column.setConstraints(constraints);
        return true;
      }
    }
    return false;
  }

  private static String lower(String name) {
    return name == null ? "" : name.toLowerCase(Locale.ROOT);
  }
}
