package dev.reflex.orm.jdbi;

import org.jdbi.v3.core.Jdbi;

/** A configurer declared in {@code META-INF/services}, found by the provider's own ServiceLoader. */
public class DeclaredConfigurer implements JdbiConfigurer {
  /** Created by ServiceLoader. */
  public DeclaredConfigurer() {}

  @Override
  public void configure(Jdbi jdbi) {
    jdbi.define("reflexDeclared", "applied");
  }
}
