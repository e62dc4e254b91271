package dev.reflex.orm.jdbi;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/** A configurer declared in {@code META-INF/services}, found by the provider's own ServiceLoader. */
public class DeclaredConfigurer implements JdbiConfigurer {
  /** Created by ServiceLoader. */
  public DeclaredConfigurer() {}

  @Override
  public void configure(Jdbi jdbi) {
    Object applied = jdbi.getConfig(SqlStatements.class).getAttribute("reflexDeclared");
    jdbi.define("reflexDeclared", applied == null ? "applied" : applied + " twice");
  }
}
