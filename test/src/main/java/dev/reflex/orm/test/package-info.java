/**
 * The JUnit 5 extension: {@link dev.reflex.orm.test.ReflexTest} on a test class, or
 * {@link dev.reflex.orm.test.ReflexExtension} registered with {@code @RegisterExtension}.
 */
package dev.reflex.orm.test;
