/** The bookshelf on Hibernate ORM: the entity package is opened to Hibernate, nothing else is needed. */
module bookshelf.hibernate {
  requires dev.reflex.orm.hibernate;

  opens bookshelf.hibernate to org.hibernate.orm.core;
}
