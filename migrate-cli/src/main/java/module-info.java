/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}, and {@link dev.reflex.db.Migrations},
 * the same migrations applied from code.
 *
 * <p>The launcher runs it on the class path, because Liquibase's dependencies are not all proper modules;
 * this descriptor states the same dependencies for builds that use the module path.
 */
module dev.reflex.db {
  requires transitive dev.reflex.orm;
  requires info.picocli;
  requires liquibase.core;
  requires java.logging;

  // Migrations, its report and its exception; ReflexDb is the launcher's entry point
  exports dev.reflex.db;
  // picocli sets the annotated fields of the commands by reflection
  opens dev.reflex.db to info.picocli;
}
