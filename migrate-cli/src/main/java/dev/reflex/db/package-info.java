/** reflex-db, the Liquibase command line aimed at REFLEX_DB_URL. */
package dev.reflex.db;
