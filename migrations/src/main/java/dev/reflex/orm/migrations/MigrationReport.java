package dev.reflex.orm.migrations;

import java.util.List;

/**
 * What one {@link Migrations} update did.
 *
 * @param changelog the changelog's path, as recorded in {@code DATABASECHANGELOG}
 * @param applied the changesets this run applied, in order, each as {@code path::id::author}; empty when the
 *     database was up to date
 */
public record MigrationReport(String changelog, List<String> applied) {
  /**
   * Copies the list, so the report stays immutable.
   *
   * @param changelog the changelog's path
   * @param applied the changesets applied
   */
  public MigrationReport {
    applied = List.copyOf(applied);
  }

  /** @return whether the database already had every changeset, so this run applied none */
  public boolean wasUpToDate() {
    return applied.isEmpty();
  }
}
