package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * On SQLite, the embedded default: a database file migrated once in a temporary folder, and a copy of that
 * file for each test class or test.
 */
final class SqliteTemplate extends Template {
  private final Path folder;
  private final Path file;
  private final AtomicBoolean closed = new AtomicBoolean();

  SqliteTemplate(Migrations migrations) {
    try {
      this.folder = Files.createTempDirectory("reflex-test-");
    } catch (IOException e) {
      throw new UncheckedIOException("Unable to create a temporary folder for the test databases: " + e, e);
    }
    this.file = folder.resolve("template.db");
    try {
      // the pool is closed after the migration, so SQLite has folded its write-ahead log into the file
      migrate(url(file), url(file).jdbcUrl(), migrations);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** @return the migrated file */
  Path file() {
    return file;
  }

  @Override
  public Copy copy() {
    String name = uniqueName("reflex_test");
    Path copy = folder.resolve(name + ".db");
    try {
      Files.copy(file, copy);
    } catch (IOException e) {
      throw new UncheckedIOException("Unable to copy the migrated SQLite database " + file + ": " + e, e);
    }
    DatabaseUrl url = url(copy);
    return new Copy(copy.toString(), pool(url, url.jdbcUrl()), () -> delete(copy));
  }

  private static DatabaseUrl url(Path file) {
    return UrlParser.parse("jdbc:sqlite:" + file);
  }

  private static void delete(Path database) {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      try {
        Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
      } catch (IOException e) {
        // a temporary file: the folder goes at the end of the run
      }
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      } catch (IOException e) {
        // a temporary folder: the system cleans it
      }
    }
  }
}
