/** reflex-orm provider for Hibernate ORM. */
package dev.reflex.orm.hibernate;
