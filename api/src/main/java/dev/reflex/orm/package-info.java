/**
 * The application-facing API of reflex-orm.
 *
 * <p>{@link dev.reflex.orm.Reflex} gives a session on the process-wide default database configured by
 * {@code REFLEX_DB_URL}; {@link dev.reflex.orm.ReflexDatabase} is the engine an application builds itself
 * when it wants more than one database or settings of its own; {@link dev.reflex.orm.ReflexSession} is
 * one unit of work that hands out the ORM's own session object.
 */
package dev.reflex.orm;
