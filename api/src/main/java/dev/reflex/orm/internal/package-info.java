/**
 * Not API: the URL parser, the pool set-up, secret masking and provider discovery that reflex-orm's own modules
 * share. On the module path only {@code dev.reflex.orm.migrations}, {@code dev.reflex.db} and
 * {@code dev.reflex.orm.test} read it, and the same jars on the class path beside it, through
 * {@link dev.reflex.orm.spi.ClassPathExports}; on the class path nothing stops a caller, but every type here may
 * change or go in any release without notice. Applications use {@code dev.reflex.orm}; ORM adapters use
 * {@code dev.reflex.orm.spi}.
 */
package dev.reflex.orm.internal;
