/**
 * reflex-orm provider for Hibernate ORM 7. Add the {@code reflex-orm-hibernate} jar, register the entity classes
 * with {@code ReflexDatabase.builder().register(...)}, and take Hibernate's own {@code Session} from a
 * {@code ReflexSession} with {@code unwrap(Session.class)}. Everything Hibernate can do beyond that (second-level
 * cache, interceptors, multi-tenancy, any setting) is reached through a
 * {@link dev.reflex.orm.hibernate.HibernateConfigurer}.
 */
package dev.reflex.orm.hibernate;
