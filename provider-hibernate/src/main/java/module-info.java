/**
 * reflex-orm provider for Hibernate ORM 7: {@code ReflexSession.unwrap(Session.class)} hands out Hibernate's own
 * {@code Session}, bound to a pooled connection and always inside a transaction.
 *
 * <p>An application's module requires this one and opens its entity packages to Hibernate:
 * <pre>{@code
 * module app {
 *   requires dev.reflex.orm.hibernate;
 *   opens app.model to org.hibernate.orm.core;
 * }
 * }</pre>
 */
module dev.reflex.orm.hibernate {
  requires transitive dev.reflex.orm;
  requires transitive org.hibernate.orm.core;
  requires transitive jakarta.persistence;
  requires org.hibernate.orm.community.dialects;
  requires org.slf4j;
  // hibernate-core is an automatic module and cannot bring the explicit modules it needs into the module
  // graph; requiring them here does, so that an application needs no --add-modules
  requires jakarta.transaction;
  requires jakarta.xml.bind;
  requires net.bytebuddy;
  requires org.jboss.logging;

  exports dev.reflex.orm.hibernate;

  uses dev.reflex.orm.hibernate.HibernateConfigurer;

  provides dev.reflex.orm.spi.ReflexProvider with dev.reflex.orm.hibernate.HibernateProvider;
}
