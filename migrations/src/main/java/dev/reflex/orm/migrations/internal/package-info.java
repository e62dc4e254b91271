/**
 * Not API: what the {@code reflex-db} command shares with {@link dev.reflex.orm.migrations.Migrations}. On the
 * module path only {@code dev.reflex.db} reads it; on the class path nothing stops a caller, but every type here
 * may change or go without notice.
 */
package dev.reflex.orm.migrations.internal;
