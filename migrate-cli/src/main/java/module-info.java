/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}.
 *
 * <p>The launcher runs it on the class path, because Liquibase's dependencies are not all proper modules;
 * this descriptor states the same dependencies for builds that use the module path.
 */
module dev.reflex.db {
  requires dev.reflex.orm;
  requires dev.reflex.orm.hibernate;
  requires org.hibernate.orm.core;
  requires org.hibernate.orm.community.dialects;
  requires jakarta.persistence;
  requires info.picocli;
  requires liquibase.core;
  requires java.logging;

  // picocli sets the annotated fields of the commands by reflection
  opens dev.reflex.db to info.picocli;
}
