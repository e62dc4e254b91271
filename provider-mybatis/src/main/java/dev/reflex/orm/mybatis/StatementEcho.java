package dev.reflex.orm.mybatis;

import java.sql.Connection;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MyBatis plugin that logs every statement's SQL, at INFO, to the logger {@value #LOGGER}, before
 * MyBatis prepares it: what {@code REFLEX_DB_ECHO=true} turns on. Parameters are not logged, as they may
 * hold secrets.
 *
 * <p>Thread-safe (stateless).
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class StatementEcho implements Interceptor {
  static final String LOGGER = "dev.reflex.orm.mybatis.sql";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    StatementHandler handler = (StatementHandler) invocation.getTarget();
    LOG.info("{}", handler.getBoundSql().getSql().strip());
    return invocation.proceed();
  }
}
