/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}: {@code init} and {@code check} are
 * ours, every other command is Liquibase's own, run in-process with the database resolved as the library
 * resolves it and every password masked in what is printed. {@link dev.reflex.db.Migrations} applies the same
 * changelog from code and writes the same {@code DATABASECHANGELOG} rows as {@code reflex-db update}.
 */
package dev.reflex.db;
