/**
 * JDBC rules the providers share (not API: exported only to the three provider modules).
 */
package dev.reflex.orm.internal.jdbc;
