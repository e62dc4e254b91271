/**
 * reflex-db, the Liquibase command line aimed at {@code REFLEX_DB_URL}: {@code init}, {@code check} and
 * {@code revision} are ours, every other command is Liquibase's own, run in-process with the database resolved as
 * the library resolves it and every password masked in what is printed. Not API: the command line is the
 * interface; {@code dev.reflex.orm.migrations.Migrations} applies the same changelog from code.
 */
package dev.reflex.db;
