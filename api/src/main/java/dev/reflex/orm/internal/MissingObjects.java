package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a failure says that a table or column is missing, in each database's own words: its SQLState or error
 * code where it has one, SQLite's message where it has none.
 *
 * <p>Thread-safe (stateless).
 */
public final class MissingObjects {
  /** PostgreSQL: undefined_table, undefined_column. */
  private static final String PG_TABLE = "42P01";
  private static final String PG_COLUMN = "42703";
  /** MariaDB and MySQL: ER_NO_SUCH_TABLE, ER_BAD_FIELD_ERROR. */
  private static final int MY_TABLE = 1146;
  private static final int MY_COLUMN = 1054;
  /** H2: table not found (alone, with candidates, in an empty database), column not found. */
  private static final Set<Integer> H2_CODES = Set.of(42102, 42103, 42104, 42122);
  /** X/Open: base table or view not found, column not found. */
  private static final String XOPEN_TABLE = "42S02";
  private static final String XOPEN_COLUMN = "42S22";
  /** SQLite's SQLITE_ERROR, whose message alone tells a missing table from a syntax error. */
  private static final int SQLITE_ERROR = 1;

  /** Hibernate 6 writes "Schema-validation:", Hibernate 7 "Schema validation:". */
  private static final Pattern VALIDATION = Pattern.compile("Schema[- ]validation: missing (table|column)");

  private MissingObjects() {}

  /**
   * Finds, among a failure and its causes, the driver's exception that says a table or column is missing.
   *
   * @param failure what the ORM or the driver threw
   * @param kind the database's kind
   * @return that exception, or {@code null}
   */
  public static SQLException find(Throwable failure, DatabaseKind kind) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException && isMissing((SQLException) t, kind)) {
        return (SQLException) t;
      }
    }
    return null;
  }

  /**
   * Whether one driver exception says a table or column is missing.
   *
   * @param e the exception
   * @param kind the database's kind
   * @return {@code true} when it does
   */
  public static boolean isMissing(SQLException e, DatabaseKind kind) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    switch (kind) {
      case POSTGRESQL:
        return state.equals(PG_TABLE) || state.equals(PG_COLUMN);
      case MARIADB:
      case MYSQL:
        return e.getErrorCode() == MY_TABLE || e.getErrorCode() == MY_COLUMN;
      case SQLITE:
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.getErrorCode() == SQLITE_ERROR && (message.contains("no such table")
            || message.contains("no such column") || message.contains("has no column named"));
      case H2:
        return H2_CODES.contains(e.getErrorCode());
      default:
        return state.equals(XOPEN_TABLE) || state.equals(XOPEN_COLUMN);
    }
  }

  /**
   * Whether an ORM refused to start because its mapping names a table or column the database lacks: Hibernate's
   * schema validation ({@code hibernate.hbm2ddl.auto=validate}) says {@code Schema validation: missing table [book]}
   * or {@code missing column [flavour] in table [book]}, without a driver's exception.
   *
   * @param failure what the provider's start threw
   * @return {@code true} when it says so
   */
  public static boolean validationFound(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (VALIDATION.matcher(String.valueOf(t.getMessage())).find()) {
        return true;
      }
    }
    return false;
  }
}
