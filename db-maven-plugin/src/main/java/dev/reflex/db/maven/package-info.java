/**
 * reflex-db's commands as Maven goals: {@code update}, {@code status}, {@code check}, {@code revision} and, for
 * every other command, {@code liquibase -Dargs="..."}. Each runs the {@code reflex-db} command's own code in Maven's
 * process. Not a library: nothing here is API but the goals and their parameters.
 */
package dev.reflex.db.maven;
