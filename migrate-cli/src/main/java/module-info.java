/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}, and {@link dev.reflex.db.Migrations},
 * the same migrations applied from code.
 *
 * <p>The launcher runs it on the class path, because Liquibase's dependencies are not all proper modules;
 * this descriptor states the same dependencies for builds that use the module path.
 */
module dev.reflex.db {
  requires transitive dev.reflex.orm;
  // revision --autogenerate only, in the reflex-db distribution (which runs on the class path): Migrations, the
  // part applications use, needs none of them. provider-hibernate's HibernateConfigurer is read by name from the
  // application's --classpath (DeclaredConfigurers), so reflex-db does not depend on a provider
  requires static org.hibernate.orm.core;
  requires static org.hibernate.orm.community.dialects;
  requires static jakarta.persistence;
  requires info.picocli;
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
  requires java.logging;

  // Migrations, its report and its exception; ReflexDb is the launcher's entry point
  exports dev.reflex.db;
  // picocli sets the annotated fields of the commands by reflection
  opens dev.reflex.db to info.picocli;
}
