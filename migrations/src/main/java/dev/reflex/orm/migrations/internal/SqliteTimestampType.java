package dev.reflex.orm.migrations.internal;

import liquibase.database.Database;
import liquibase.database.core.SQLiteDatabase;
import liquibase.datatype.DataTypeInfo;
import liquibase.datatype.DatabaseDataType;
import liquibase.datatype.LiquibaseDataType;
import liquibase.datatype.core.TimestampType;

/**
 * A changeset's {@code TIMESTAMP} on SQLite is a {@code TIMESTAMP} column, as Hibernate's SQLite dialect creates
 * it. Liquibase 4.33 makes it {@code TEXT}, whose text affinity turns the SQLite driver's stored milliseconds into
 * text that the driver then cannot read back as a timestamp ("Error parsing time stamp"), and that Hibernate's
 * {@code validate} rejects. Other databases keep Liquibase's own type. Found by Liquibase's service loader.
 *
 * <p>Not thread-safe: Liquibase makes one instance per column it renders.
 */
@DataTypeInfo(name = "timestamp", aliases = {"java.sql.Types.TIMESTAMP", "java.sql.Types.TIMESTAMP_WITH_TIMEZONE",
    "java.sql.Timestamp", "timestamptz"}, minParameters = 0, maxParameters = 1,
    priority = LiquibaseDataType.PRIORITY_DATABASE)
public class SqliteTimestampType extends TimestampType {
  /** Liquibase's service loader needs a public constructor. */
  public SqliteTimestampType() {}

  @Override
  public boolean supports(Database database) {
    return database instanceof SQLiteDatabase;
  }

  @Override
  public DatabaseDataType toDatabaseDataType(Database database) {
    return new DatabaseDataType("TIMESTAMP");
  }
}
