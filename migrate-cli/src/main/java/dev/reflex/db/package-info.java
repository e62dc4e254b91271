/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}: {@code init} and {@code check} are
 * ours, every other command is Liquibase's own, run in-process with the database resolved as the library
 * resolves it and every password masked in what is printed.
 */
package dev.reflex.db;
