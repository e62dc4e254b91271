package dev.reflex.orm;

/**
 * The common type of the per-provider configurers ({@code HibernateConfigurer}, {@code MyBatisConfigurer},
 * {@code JdbiConfigurer}). A configurer receives its ORM's own bootstrap object before it is built, which
 * is how an application reaches everything its ORM can do (caches, interceptors, plugins, mappers) without
 * reflex-orm wrapping it.
 *
 * <p>Pass configurers to {@link ReflexDatabaseBuilder#configure(ReflexConfigurer...)}, or declare them in
 * the application's module with {@code provides}; each provider takes the configurers of its own type and
 * ignores the others.
 */
public interface ReflexConfigurer {}
