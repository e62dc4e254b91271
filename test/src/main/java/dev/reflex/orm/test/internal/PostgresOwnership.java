package dev.reflex.orm.test.internal;

import java.util.List;

/**
 * On PostgreSQL the mark is the database's comment ({@code COMMENT ON DATABASE}, which only its owner or a
 * superuser may write); the databases looked at are those the current user owns, whatever other roles a superuser
 * could drop.
 */
final class PostgresOwnership extends Ownership {
  @Override
  List<String> adminSetup() {
    return List.of(label(), "SET lock_timeout = '60s'");
  }

  @Override
  List<String> leftoverSetup() {
    // DROP DATABASE itself waits up to 5 s for other sessions to leave, then fails: a person's psql session in
    // a dead run's database keeps it until a later run
    return List.of(label(), "SET lock_timeout = '5s'", "SET statement_timeout = '60s'");
  }

  /**
   * @return the label that shows a run's connections in {@code pg_stat_activity}: liveness is not judged by it, but
   *     versions before the marks did, so a run of one of them on the same server keeps this run's databases
   */
  private static String label() {
    return "SET application_name = 'reflex-orm-test " + Template.RUN + "'";
  }

  @Override
  String clock() {
    return "SELECT current_user, floor(extract(epoch FROM now()))::bigint";
  }

  @Override
  String remark(Mark mark) {
    return "COMMENT ON DATABASE " + quote(mark.database()) + " IS '" + mark.text() + "'";
  }

  @Override
  String marked() {
    return "SELECT d.datname, pg_get_userbyid(d.datdba), shobj_description(d.oid, 'pg_database'),"
        + " floor(extract(epoch FROM now()))::bigint FROM pg_database d"
        + " WHERE d.datdba = (SELECT oid FROM pg_roles WHERE rolname = current_user)"
        + " AND (shobj_description(d.oid, 'pg_database') LIKE '" + Mark.PREFIX + " %'"
        // a clone the server made after its run was killed: the template's mark may have reserved it
        + " OR shobj_description(d.oid, 'pg_database') IS NULL AND d.datname ~ '^reflex_test_[0-9a-f]{8}_[0-9]+$')"
        + " ORDER BY 1";
  }

  @Override
  String drop(String database) {
    // no FORCE: a session in a dead run's database is someone looking at it; the drop waits for a later run
    return "DROP DATABASE IF EXISTS " + quote(database);
  }

  private static String quote(String database) {
    return "\"" + database.replace("\"", "\"\"") + "\"";
  }
}
