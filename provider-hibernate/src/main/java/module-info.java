/** reflex-orm provider for Hibernate ORM. Filled in by the provider and reflex-db issues. */
module dev.reflex.orm.hibernate {
  requires dev.reflex.orm;
}
