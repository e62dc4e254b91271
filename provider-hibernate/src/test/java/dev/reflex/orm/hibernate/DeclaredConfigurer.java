package dev.reflex.orm.hibernate;

import org.hibernate.cfg.Configuration;

/** A configurer declared in META-INF/services, as an application declares one with {@code provides}. */
public final class DeclaredConfigurer implements HibernateConfigurer {
  @Override
  public void configure(Configuration configuration) {
    String ran = configuration.getProperty("reflex.test.declared");
    configuration.setProperty("reflex.test.declared", ran == null ? "ran" : ran + " and ran again");
    configuration.setProperty("reflex.test.last", "declared");
  }
}
