package dev.reflex.orm.testing;

/**
 * The five databases every contract is proven on. {@link #freshUrl()} gives a URL to an empty database of
 * that kind, of its own, so that tests (and several builds on one machine) never see each other's tables.
 */
public enum TestDatabase {
  SQLITE_FILE,
  SQLITE_MEMORY,
  H2,
  POSTGRESQL,
  MARIADB;

  /** @return the URL of a new, empty database of this kind, in the 12-factor form users write */
  public String freshUrl() {
    switch (this) {
      case SQLITE_FILE:
        return "sqlite:///" + TestDatabases.tempDir().resolve("reflex-" + TestDatabases.suffix() + ".db");
      case SQLITE_MEMORY:
        return "sqlite:///:memory:";
      case H2:
        return "h2:///" + TestDatabases.tempDir().resolve("reflex-" + TestDatabases.suffix());
      case POSTGRESQL:
        return TestDatabases.freshServerDatabase(TestDatabases.postgresUrl());
      case MARIADB:
        return TestDatabases.freshServerDatabase(TestDatabases.mariadbUrl());
      default:
        throw new AssertionError(this);
    }
  }

  /** @return whether this database is reached over the network */
  public boolean isServer() {
    return this == POSTGRESQL || this == MARIADB;
  }
}
