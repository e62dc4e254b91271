package dev.reflex.orm.migrations.internal;

import liquibase.database.Database;
import liquibase.database.core.SQLiteDatabase;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.DecimalType;

/**
 * A changeset's {@code DECIMAL(p, s)} on SQLite is {@code NUMERIC(p, s)}, as Hibernate's SQLite dialect declares a
 * {@code BigDecimal}: the same affinity to SQLite, but Hibernate's {@code validate} compares the names, and the
 * SQLite driver reports a {@code DECIMAL} as a float. Other databases keep Liquibase's own type. Found by
 * Liquibase's service loader.
 *
 * <p>Not thread-safe: Liquibase makes one instance per column it renders.
 */
@DataTypeInfo(name = "decimal", aliases = {"java.sql.Types.DECIMAL", "java.math.BigDecimal"}, minParameters = 0,
    maxParameters = 2, priority = LiquibaseDataType.PRIORITY_DATABASE)
public class SqliteDecimalType extends DecimalType {
  /** Liquibase's service loader needs a public constructor. */
  public SqliteDecimalType() {}

  @Override
  public boolean supports(Database database) {
    return database instanceof SQLiteDatabase;
  }

  @Override
  public DatabaseDataType toDatabaseDataType(Database database) {
    return new DatabaseDataType("NUMERIC", getParameters());
  }
}
