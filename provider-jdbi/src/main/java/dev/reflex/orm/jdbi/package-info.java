/** reflex-orm provider for JDBI. */
package dev.reflex.orm.jdbi;
