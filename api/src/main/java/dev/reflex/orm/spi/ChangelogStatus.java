package dev.reflex.orm.spi;

import java.sql.Connection;

/**
 * Counts the changesets of the application's changelog, the one {@code reflex-db update} uses, that have not run on
 * a database. The API, which knows no migration tool, finds it with {@link java.util.ServiceLoader}:
 * reflex-orm-migrations provides it with Liquibase, when it is on the class path or module path. The API asks only
 * when a statement failed because a table or column is missing, or when the application asks for the check at
 * build.
 *
 * <p>Implementations are thread-safe.
 */
public interface ChangelogStatus {
  /**
   * What the changelog holds that the database has not run.
   *
   * @param changelog the changelog's path, as {@code reflex-db} names it
   * @param unrun how many of its changesets have not run on the database
   */
  record Status(String changelog, int unrun) {}

  /**
   * Reads the changelog and the database's record of what ran, and changes nothing: no table is created, no lock
   * taken.
   *
   * @param connection a connection to the database, in auto-commit mode; the caller closes it
   * @return the status, or {@code null} when no changelog is found where {@code reflex-db update} looks for it
   * @throws Exception when the changelog cannot be read or the database cannot be asked
   */
  Status status(Connection connection) throws Exception;
}
