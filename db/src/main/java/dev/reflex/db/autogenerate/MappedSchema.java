package dev.reflex.db.autogenerate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.dialect.Dialect;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.ForeignKey;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.UniqueKey;

/**
 * What Hibernate maps, beyond what its export leaves in a scratch SQLite database: there Hibernate's SQLite dialect
 * creates no foreign key and no table-level unique constraint, and gives some IDENTITY columns no type at all, so
 * on SQLite the comparison takes the column types, unique keys and foreign keys from the mapping itself.
 *
 * <p>Immutable once built.
 */
final class MappedSchema {
  /** A unique key or a foreign key, names as the database gets them; {@code referencedTable} null for a unique key. */
  record Key(String name, String table, List<String> columns, String referencedTable, List<String> referencedColumns) {
    /** @return the table and columns, in lower case, which say whether two keys are the same */
    String shape() {
      return SchemaDiff.key(table, String.join(",", columns)) + (referencedTable == null ? ""
          : "->" + SchemaDiff.key(referencedTable, String.join(",", referencedColumns)));
    }
  }

  private final Map<String, String> types;
  private final List<Key> uniqueKeys;
  private final List<Key> foreignKeys;

  private MappedSchema(Map<String, String> types, List<Key> uniqueKeys, List<Key> foreignKeys) {
    this.types = Map.copyOf(types);
    this.uniqueKeys = List.copyOf(uniqueKeys);
    this.foreignKeys = List.copyOf(foreignKeys);
  }

  /** A schema with nothing mapped: no correction applies. */
  static final MappedSchema NONE = new MappedSchema(Map.of(), List.of(), List.of());

  /**
   * Reads Hibernate's boot metadata.
   *
   * @param metadata the metadata, naming strategy applied
   * @param dialect the dialect the export used
   * @return the mapped schema
   */
  static MappedSchema of(Metadata metadata, Dialect dialect) {
    Map<String, String> types = new HashMap<>();
    List<Key> uniqueKeys = new ArrayList<>();
    List<Key> foreignKeys = new ArrayList<>();
    for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
      for (Table table : namespace.getTables()) {
        if (!table.isPhysicalTable()) {
          continue;
        }
        Set<String> primaryKey = new LinkedHashSet<>();
        if (table.getPrimaryKey() != null) {
          table.getPrimaryKey().getColumns().forEach(column -> primaryKey.add(column.getName()));
        }
        Set<String> uniqueShapes = new java.util.HashSet<>();
        for (Column column : table.getColumns()) {
          String type = PortableTypes.of(column.getSqlTypeCode(metadata), column.getColumnSize(dialect, metadata));
          if (type != null) {
            types.put(SchemaDiff.key(table.getName(), column.getName()), type);
          }
        }
        for (UniqueKey unique : table.getUniqueKeys().values()) {
          List<String> columns = unique.getColumns().stream().map(Column::getName).toList();
          if (!Set.copyOf(columns).equals(primaryKey) && uniqueShapes.add(String.join(",", columns).toLowerCase())) {
            uniqueKeys.add(new Key(unique.getName(), table.getName(), columns, null, null));
          }
        }
        for (Column column : table.getColumns()) {
          if (column.isUnique() && !primaryKey.equals(Set.of(column.getName()))
              && uniqueShapes.add(column.getName().toLowerCase())) {
            uniqueKeys.add(new Key("uk_" + table.getName() + "_" + column.getName(), table.getName(),
                List.of(column.getName()), null, null));
          }
        }
        for (ForeignKey foreignKey : table.getForeignKeyCollection()) {
          if (!foreignKey.isCreationEnabled() || !foreignKey.isPhysicalConstraint()) {
            continue;
          }
          Table referenced = foreignKey.getReferencedTable();
          List<Column> referencedColumns = foreignKey.getReferencedColumns().isEmpty() && referenced.getPrimaryKey()
              != null ? referenced.getPrimaryKey().getColumns() : foreignKey.getReferencedColumns();
          foreignKeys.add(new Key(foreignKey.getName(), table.getName(),
              foreignKey.getColumns().stream().map(Column::getName).toList(), referenced.getName(),
              referencedColumns.stream().map(Column::getName).toList()));
        }
      }
    }
    return new MappedSchema(types, uniqueKeys, foreignKeys);
  }

  /**
   * @param table a table
   * @param column one of its columns
   * @return the Liquibase type for it ({@link PortableTypes}), or {@code null} when not mapped
   */
  String type(String table, String column) {
    return types.get(SchemaDiff.key(table, column));
  }

  /** @return the unique keys, one per set of columns, the primary key left out */
  List<Key> uniqueKeys() {
    return uniqueKeys;
  }

  /** @return the foreign keys Hibernate creates on databases that take them */
  List<Key> foreignKeys() {
    return foreignKeys;
  }
}
