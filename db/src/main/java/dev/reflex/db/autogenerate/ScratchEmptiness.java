package dev.reflex.db.autogenerate;

import dev.reflex.orm.DatabaseKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a {@code --scratch-url} database is empty, which means holding no object at all: Hibernate's export
 * into it and its drop afterwards must find nothing of anyone else's. One query per kind of database, naming the
 * first object found.
 *
 * <p>Thread-safe (stateless).
 */
final class ScratchEmptiness {
  private static final String POSTGRESQL_SYSTEM = "not in ('pg_catalog', 'information_schema')"
      + " and %1$s not like 'pg\\_%%'";

  private ScratchEmptiness() {}

  /**
   * Looks for any object in the database.
   *
   * @param connection a connection to it
   * @param kind its kind
   * @return the first object found, such as {@code relation public.events}, or {@code null} when it is empty
   * @throws SQLException when the catalog cannot be read
   */
  static String firstObject(Connection connection, DatabaseKind kind) throws SQLException {
    String sql;
    switch (kind) {
      case POSTGRESQL:
        // relations of every kind (tables, partitioned tables, views, materialized views, sequences, foreign
        // tables), routines, types of their own (not a relation's row type or an array), and any schema but public
        sql = "select 'relation ' || n.nspname || '.' || c.relname from pg_class c join pg_namespace n"
            + " on n.oid = c.relnamespace where n.nspname " + String.format(POSTGRESQL_SYSTEM, "n.nspname")
            + " union all select 'routine ' || n.nspname || '.' || p.proname from pg_proc p join pg_namespace n"
            + " on n.oid = p.pronamespace where n.nspname " + String.format(POSTGRESQL_SYSTEM, "n.nspname")
            + " union all select 'type ' || n.nspname || '.' || t.typname from pg_type t join pg_namespace n"
            + " on n.oid = t.typnamespace where t.typrelid = 0 and t.typcategory <> 'A' and n.nspname "
            + String.format(POSTGRESQL_SYSTEM, "n.nspname")
            + " union all select 'schema ' || nspname from pg_namespace where nspname <> 'public' and nspname "
            + String.format(POSTGRESQL_SYSTEM, "nspname") + " limit 1";
        break;
      case MARIADB:
      case MYSQL:
        sql = "select concat(lower(table_type), ' ', table_name) from information_schema.tables"
            + " where table_schema = database()"
            + " union all select concat(lower(routine_type), ' ', routine_name) from information_schema.routines"
            + " where routine_schema = database()"
            + " union all select concat('trigger ', trigger_name) from information_schema.triggers"
            + " where trigger_schema = database()"
            + " union all select concat('event ', event_name) from information_schema.events"
            + " where event_schema = database() limit 1";
        break;
      case H2:
        sql = "select 'table ' || table_schema || '.' || table_name from information_schema.tables"
            + " where table_schema <> 'INFORMATION_SCHEMA'"
            + " union all select 'sequence ' || sequence_schema || '.' || sequence_name"
            + " from information_schema.sequences"
            + " union all select 'routine ' || routine_schema || '.' || routine_name from information_schema.routines"
            + " where routine_schema <> 'INFORMATION_SCHEMA'"
            + " union all select 'trigger ' || trigger_schema || '.' || trigger_name from information_schema.triggers"
            + " union all select 'domain ' || domain_schema || '.' || domain_name from information_schema.domains"
            + " union all select 'constant ' || constant_schema || '.' || constant_name"
            + " from information_schema.constants"
            + " union all select 'schema ' || schema_name from information_schema.schemata"
            + " where schema_name not in ('INFORMATION_SCHEMA', 'PUBLIC') limit 1";
        break;
      case SQLITE:
        sql = "select type || ' ' || name from sqlite_master limit 1";
        break;
      default:
        throw new AutogenerateFailure("--scratch-url names a kind of database revision --autogenerate does not support;"
            + " pass --scratch-url=URL of an empty SQLite, H2, PostgreSQL or MariaDB database");
    }
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getString(1) : null;
    }
  }
}
