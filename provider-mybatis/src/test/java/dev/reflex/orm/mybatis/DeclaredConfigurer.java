package dev.reflex.orm.mybatis;

import org.apache.ibatis.session.Configuration;

/** A configurer declared in {@code META-INF/services}, found by the provider's own ServiceLoader. */
public class DeclaredConfigurer implements MyBatisConfigurer {
  /** Created by ServiceLoader. */
  public DeclaredConfigurer() {}

  @Override
  public void configure(Configuration configuration) {
    String applied = configuration.getVariables().getProperty("reflex.declared");
    configuration.getVariables().setProperty("reflex.declared", applied == null ? "applied" : applied + " twice");
  }
}
