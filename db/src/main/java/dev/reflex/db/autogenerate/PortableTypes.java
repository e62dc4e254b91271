package dev.reflex.db.autogenerate;

import java.util.Locale;
import org.hibernate.engine.jdbc.Size;
import org.hibernate.type.SqlTypes;

/**
 * The column types a changeset written on SQLite carries, named as Liquibase names its own types, so that the same
 * changeset makes the type Hibernate maps on every database. SQLite reports what it was given (Hibernate's SQLite
 * dialect writes {@code timestamp} and {@code boolean} without a size) with a size of 2000000000, which Liquibase
 * copied into the changeset ({@code BOOLEAN(2000000000)}, a {@code TIMESTAMP} it refused to write at all), so on
 * SQLite the type is taken from Hibernate's mapping instead: its JDBC type code, length, precision and scale.
 *
 * <p>Thread-safe (stateless).
 */
final class PortableTypes {
  /** Hibernate's default for a timestamp without a precision, and the most MariaDB and PostgreSQL keep. */
  private static final int TIMESTAMP_PRECISION = 6;

  private PortableTypes() {}

  /**
   * @param typeCode Hibernate's JDBC type code of the column ({@link SqlTypes})
   * @param size its length, precision and scale as Hibernate maps them
   * @return the Liquibase type, or {@code null} for a type Liquibase's own comparison renders well enough
   */
  static String of(int typeCode, Size size) {
    switch (typeCode) {
      case SqlTypes.BIT:
      case SqlTypes.BOOLEAN:
        return "BOOLEAN";
      case SqlTypes.TINYINT:
        return "TINYINT";
      case SqlTypes.SMALLINT:
        return "SMALLINT";
      case SqlTypes.INTEGER:
        return "INT";
      case SqlTypes.BIGINT:
        return "BIGINT";
      case SqlTypes.REAL:
      case SqlTypes.FLOAT:
        return "FLOAT";
      case SqlTypes.DOUBLE:
        return "DOUBLE";
      case SqlTypes.NUMERIC:
      case SqlTypes.DECIMAL:
        return size.getPrecision() == null ? "DECIMAL"
            : "DECIMAL(" + size.getPrecision() + ", " + (size.getScale() == null ? 0 : size.getScale()) + ")";
      case SqlTypes.CHAR:
      case SqlTypes.NCHAR:
        return sized("CHAR", size);
      case SqlTypes.VARCHAR:
      case SqlTypes.NVARCHAR:
        return sized("VARCHAR", size);
      case SqlTypes.LONGVARCHAR:
      case SqlTypes.LONGNVARCHAR:
      case SqlTypes.LONG32VARCHAR:
      case SqlTypes.LONG32NVARCHAR:
      case SqlTypes.CLOB:
      case SqlTypes.NCLOB:
      case SqlTypes.MATERIALIZED_CLOB:
        return "CLOB";
      case SqlTypes.BLOB:
      case SqlTypes.MATERIALIZED_BLOB:
      case SqlTypes.LONGVARBINARY:
      case SqlTypes.LONG32VARBINARY:
        return "BLOB";
      case SqlTypes.DATE:
        return "DATE";
      case SqlTypes.TIME:
      case SqlTypes.TIME_WITH_TIMEZONE:
      case SqlTypes.TIME_UTC:
        return "TIME";
      case SqlTypes.TIMESTAMP:
      case SqlTypes.TIMESTAMP_UTC:
      case SqlTypes.TIMESTAMP_WITH_TIMEZONE:
        // reflex's Liquibase makes it TIMESTAMP on SQLite (SqliteTimestampType), TIMESTAMP(6) elsewhere
        return "TIMESTAMP(" + (size.getPrecision() == null ? TIMESTAMP_PRECISION
            : Math.min(size.getPrecision(), TIMESTAMP_PRECISION)) + ")";
      default:
        return null;
    }
  }

  private static String sized(String name, Size size) {
    return size.getLength() == null ? name : name + "(" + size.getLength() + ")";
  }

  /**
   * SQLite keeps the declared type as text and sizes mean nothing to it: two declarations are the same type when
   * their names agree, as Liquibase and Hibernate spell them, and so do the length of a text and the precision
   * and scale of a number, which other databases do keep.
   *
   * @param declared a type as SQLite reports it, or as a changeset or Hibernate writes it
   * @return the type reduced to what matters, e.g. {@code NUMERIC(12,2)}, {@code VARCHAR(80)}, {@code TIMESTAMP}
   */
  static String canonical(String declared) {
    String type = declared == null ? "" : declared.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
    String name = type.replaceFirst("\\(.*$", "");
    String arguments = type.length() > name.length() ? type.substring(name.length()) : "";
    switch (name) {
      case "INT":
      case "INTEGER":
        return "INTEGER";
      case "DECIMAL":
      case "NUMERIC":
      case "NUMBER":
        return "NUMERIC" + arguments;
      case "VARCHAR":
      case "NVARCHAR":
      case "CHAR":
      case "NCHAR":
        return name.replace("N", "") + arguments;
      case "BOOL":
        return "BOOLEAN";
      case "CLOB":
      case "TEXT":
        return "TEXT";
      default:
        return name;
    }
  }
}
