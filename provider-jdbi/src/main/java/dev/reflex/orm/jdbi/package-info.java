/**
 * The reflex-orm provider for JDBI 3, chosen with the name {@code jdbi}.
 *
 * <p>Applications unwrap a session to JDBI's {@link org.jdbi.v3.core.Handle} (already in a transaction) and
 * attach their SqlObject interfaces to it; the {@link org.jdbi.v3.core.Jdbi} itself is reached through a
 * {@link dev.reflex.orm.jdbi.JdbiConfigurer}, or unwrapped from the database.
 */
package dev.reflex.orm.jdbi;
