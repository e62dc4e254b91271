package dev.reflex.orm.jdbi;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JDBI {@link SqlLogger} that logs every statement's SQL, at INFO, to the logger {@value #LOGGER}, before
 * it runs: what {@code REFLEX_DB_ECHO=true} turns on. Bound values are not logged, as they may hold
 * secrets.
 *
 * <p>Thread-safe (stateless).
 */
final class StatementEcho implements SqlLogger {
  static final String LOGGER = "dev.reflex.orm.jdbi.sql";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public void logBeforeExecution(StatementContext context) {
    LOG.info("{}", context.getRenderedSql().strip());
  }
}
