/**
 * Migrations from code: {@link dev.reflex.orm.migrations.Migrations} applies the changelog {@code reflex-db}
 * would apply, and writes the same {@code DATABASECHANGELOG} rows as {@code reflex-db update}, so that either
 * can follow the other.
 */
package dev.reflex.orm.migrations;
