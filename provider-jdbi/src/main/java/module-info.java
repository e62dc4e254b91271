/** reflex-orm provider for JDBI. Filled in by the provider and reflex-db issues. */
module dev.reflex.orm.jdbi {
  requires dev.reflex.orm;
}
