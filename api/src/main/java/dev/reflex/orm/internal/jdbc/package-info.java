/**
 * Not API: what the three providers share about a session's connection ({@code Transactions}) and one rule for a
 * lost connection and a commit lost in flight ({@code LostConnections}). On the module path only the providers
 * read it; on the class path nothing stops a caller, but every type here may change in any release without notice.
 */
package dev.reflex.orm.internal.jdbc;
