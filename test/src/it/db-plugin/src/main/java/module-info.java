/** A modular application: its configurer is declared here for the module path, and in META-INF/services for the class path. */
module shelf {
  requires dev.reflex.orm.hibernate;

  opens shelf to org.hibernate.orm.core;

  provides dev.reflex.orm.hibernate.HibernateConfigurer with shelf.Shelf;
}
