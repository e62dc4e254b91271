/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}, with {@code init}, {@code check} and
 * {@code revision --autogenerate} of its own. A command, not a library: it exports nothing; applications apply
 * migrations from code with {@code dev.reflex.orm.migrations}.
 *
 * <p>The launcher runs it on the class path, because Liquibase's dependencies are not all proper modules;
 * this descriptor states the same dependencies for builds that use the module path.
 */
module dev.reflex.db {
  requires dev.reflex.orm;
  requires dev.reflex.orm.migrations;
  // revision --autogenerate only, in the reflex-db distribution (which runs on the class path).
  // provider-hibernate's HibernateConfigurer is read by name from the application's --classpath
  // (DeclaredConfigurers), so reflex-db does not depend on a provider
  requires static org.hibernate.orm.core;
  requires static org.hibernate.orm.community.dialects;
  requires static jakarta.persistence;
  requires info.picocli;
  requires liquibase.core;
  // Liquibase is an automatic module and reads only what the module graph holds: on the module path, the
  // libraries it loads while it runs a command are resolved because they are required here
  requires org.apache.commons.collections4;
  requires org.apache.commons.io;
  requires org.apache.commons.lang3;
  requires org.apache.commons.text;
  requires com.opencsv;
  requires org.yaml.snakeyaml;
  requires java.logging;

  // picocli sets the annotated fields of the commands by reflection; Liquibase makes a lock service for each
  // database by reflection, from the one found as its extension
  opens dev.reflex.db to info.picocli, liquibase.core;

  provides liquibase.lockservice.LockService with dev.reflex.db.WatchedLockService;
}
