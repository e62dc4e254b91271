/**
 * reflex-orm-migrations: {@link dev.reflex.orm.migrations.Migrations} applies an application's Liquibase
 * changelog from code, to a {@link dev.reflex.orm.ReflexDatabase} or any {@link javax.sql.DataSource}, writing
 * the same {@code DATABASECHANGELOG} rows as {@code reflex-db update}.
 *
 * <p>What applications and reflex-orm-test depend on: Liquibase and the API, no command line, no bundled
 * drivers, no Hibernate.
 */
module dev.reflex.orm.migrations {
  requires transitive dev.reflex.orm;
  requires com.zaxxer.hikari;
  requires liquibase.core;
  // Liquibase is an automatic module and reads only what the module graph holds: on the module path, the
  // libraries it loads while it parses and applies a changelog are resolved because they are required here
  requires org.apache.commons.collections4;
  requires org.apache.commons.io;
  requires org.apache.commons.lang3;
  requires org.apache.commons.text;
  requires com.opencsv;
  requires org.yaml.snakeyaml;

  exports dev.reflex.orm.migrations;
  // Liquibase types as SQLite needs them: a timestamp the driver reads back, a numbered Long id, NUMERIC as Hibernate
  provides liquibase.datatype.LiquibaseDataType with dev.reflex.orm.migrations.internal.SqliteTimestampType,
      dev.reflex.orm.migrations.internal.SqliteBigIntType, dev.reflex.orm.migrations.internal.SqliteDecimalType;
  // the changelog as the reflex-db command resolves it (one rule for the command and the library), and to
  // Liquibase, which makes a new instance of each data type it renders by reflection
  exports dev.reflex.orm.migrations.internal to dev.reflex.db, liquibase.core;

  // the changesets a database has not run, for the API's message when a statement finds a table missing
  provides dev.reflex.orm.spi.ChangelogStatus with dev.reflex.orm.migrations.internal.LiquibaseChangelogStatus;
}
