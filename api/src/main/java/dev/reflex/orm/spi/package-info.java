/**
 * The service provider interface that ORM adapters implement: {@link dev.reflex.orm.spi.ReflexProvider} is
 * found with {@link java.util.ServiceLoader}, starts a {@link dev.reflex.orm.spi.ProviderEngine} once per
 * database, and the engine opens {@link dev.reflex.orm.spi.ProviderSession}s; {@link
 * dev.reflex.orm.spi.ClassPathExports} serves reflex-orm's own jars on the class path beside an API on the module
 * path. Applications do not need this package.
 */
package dev.reflex.orm.spi;
