package dev.reflex.orm.migrations;

import java.util.List;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;

/**
 * Records each changeset Liquibase runs for {@link Migrations}, as {@code path::id::author}, in the order it
 * runs them, and the one that failed.
 *
 * <p>Not thread-safe: one per run.
 */
final class AppliedChangeSets extends AbstractChangeExecListener {
  private final List<String> applied;
  private String failed;

  /** @param applied where to record them */
  AppliedChangeSets(List<String> applied) {
    this.applied = applied;
  }

  @Override
  public void ran(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, ChangeSet.ExecType execType) {
    if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
      applied.add(name(changeSet));
    }
  }

  @Override
  public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
    failed = name(changeSet);
  }

  /** @return how many changesets this run applied */
  int appliedCount() {
    return applied.size();
  }

  /** @return the changeset that failed, as {@code path::id::author}, or {@code null} when none did */
  String failed() {
    return failed;
  }

  private static String name(ChangeSet changeSet) {
    return changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
  }
}
