/** reflex-db, the Liquibase command line aimed at REFLEX_DB_URL. Filled in by the provider and reflex-db issues. */
module dev.reflex.db {
  requires dev.reflex.orm;
}
