/**
 * Not API: the engine of {@code reflex-db revision --autogenerate}. Hibernate exports the application's entities
 * into a scratch database that reflex-db made for this run (or the empty one the user named), checked first so
 * that nothing it runs can reach another database; Liquibase compares the target with it; the changes are written
 * as a changelog file. {@link dev.reflex.db.autogenerate.Autogenerate} is the entry; the command line in
 * {@code dev.reflex.db} sits on top.
 */
package dev.reflex.db.autogenerate;
