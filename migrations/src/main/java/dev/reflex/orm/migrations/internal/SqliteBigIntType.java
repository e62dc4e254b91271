package dev.reflex.orm.migrations.internal;

import liquibase.database.Database;
import liquibase.database.core.SQLiteDatabase;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.BigIntType;

/**
 * A changeset's {@code BIGINT} id with {@code autoIncrement} on SQLite is {@code INTEGER}: SQLite numbers the rows
 * of an {@code INTEGER PRIMARY KEY} only (its integers are 64-bit, so a {@code Long} fits), and refuses
 * {@code AUTOINCREMENT} on any other type, which Liquibase 4.33 writes ({@code BIGINT ... AUTOINCREMENT}). So a
 * {@code Long} IDENTITY id is {@code BIGINT} on every other database and numbered on SQLite. Found by Liquibase's
 * service loader.
 *
 * <p>Not thread-safe: Liquibase makes one instance per column it renders.
 */
@DataTypeInfo(name = "bigint", aliases = {"java.sql.Types.BIGINT", "java.math.BigInteger", "java.lang.Long",
    "integer8", "bigserial", "serial8", "int8"}, minParameters = 0, maxParameters = 1,
    priority = LiquibaseDataType.PRIORITY_DATABASE)
public class SqliteBigIntType extends BigIntType {
  /** Liquibase's service loader needs a public constructor. */
  public SqliteBigIntType() {}

  @Override
  public boolean supports(Database database) {
    return database instanceof SQLiteDatabase;
  }

  @Override
  public DatabaseDataType toDatabaseDataType(Database database) {
    return new DatabaseDataType(isAutoIncrement() ? "INTEGER" : "BIGINT");
  }
}
