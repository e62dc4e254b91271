package dev.reflex.db.autogenerate;

import dev.reflex.orm.DatabaseKind;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Database;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Table;

/**
 * The check of Hibernate's boot metadata before any statement of the export runs. A MariaDB or MySQL connection
 * reaches every database of its server, so there the export must name none: every table, sequence and type in the
 * scratch database's default (no catalog, no schema, once {@link ScratchNaming} has taken out the target's own),
 * and no auxiliary database object or init command, whose SQL reflex-db cannot confine.
 *
 * <p>Thread-safe (stateless).
 */
final class ExportVetting {
  private ExportVetting() {}

  /**
   * Refuses metadata whose export could reach outside the scratch database.
   *
   * @param metadata Hibernate's boot metadata, naming strategy applied
   * @param kind the kind of database
   * @throws AutogenerateFailure naming the entity or table and where it points
   */
  static void check(Metadata metadata, DatabaseKind kind) {
    if (kind != DatabaseKind.MARIADB && kind != DatabaseKind.MYSQL) {
      // a PostgreSQL, H2 or SQLite connection reaches no other database by name: the scratch one is all it sees
      return;
    }
    Database database = metadata.getDatabase();
    for (Namespace namespace : database.getNamespaces()) {
      Identifier catalog = namespace.getPhysicalName().catalog();
      Identifier schema = namespace.getPhysicalName().schema();
      if (catalog == null && schema == null) {
        continue;
      }
      String where = (catalog != null ? "database " + catalog.getText() : "schema " + schema.getText());
      if (!namespace.getTables().isEmpty()) {
        throw new AutogenerateFailure(owner(metadata, namespace.getTables().iterator().next()) + " names " + where
            + ", not the database revision compares: Hibernate's export would create and drop it there; remove that"
            + " catalog or schema from its mapping (the target's own database may be named, it stands for the scratch"
            + " one)");
      }
      for (Sequence sequence : namespace.getSequences()) {
        // the first one is enough to name
        throw new AutogenerateFailure("sequence " + sequence.getName().getSequenceName().getText() + " names " + where
            + ", not the database revision compares: Hibernate's export would create and drop it there; remove"
            + " that catalog or schema from its mapping");
      }
      if (!namespace.getUserDefinedTypes().isEmpty()) {
        throw new AutogenerateFailure("a user-defined type names " + where + ", not the database revision compares;"
            + " remove that catalog or schema from its mapping");
      }
    }
    if (!database.getAuxiliaryDatabaseObjects().isEmpty() || !database.getInitCommands().isEmpty()) {
      String what = database.getAuxiliaryDatabaseObjects().isEmpty() ? "an init command"
          : "auxiliary database object "
              + database.getAuxiliaryDatabaseObjects().iterator().next().getExportIdentifier();
      throw new AutogenerateFailure("the mapping declares " + what + ", whose SQL could reach any database of the"
          + " " + kind + " server; run revision --autogenerate without it, or pass --scratch-url=URL of an empty"
          + " database on a server of its own");
    }
  }

  private static String owner(Metadata metadata, Table table) {
    for (PersistentClass entity : metadata.getEntityBindings()) {
      if (entity.getTable() == table) {
        return "entity " + entity.getEntityName() + " (table " + table.getName() + ")";
      }
    }
    return "table " + table.getName();
  }
}
