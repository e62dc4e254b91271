package dev.reflex.db;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the launcher records its ahead-of-time cache from, on JDK 25 and later: a small changelog applied to a
 * temporary SQLite file, then its status, its history and a second update that finds nothing to do, all through
 * {@link ReflexDb#run(String[])} and printed to nowhere. The JVM that records a cache prints a line of its own on
 * standard output, so the launcher records it from this run, not from the user's command, whose output must stay
 * as it is. Not for users.
 *
 * <p>Not thread-safe: it owns the process's standard streams while it runs.
 */
public final class AotTraining {
  private static final String CHANGELOG = "databaseChangeLog:\n"
      + "  - changeSet:\n      id: 1\n      author: reflex-db\n      changes:\n"
      + "        - createTable:\n            tableName: book\n            columns:\n"
      + "              - column: {name: id, type: bigint, autoIncrement: true, constraints: {primaryKey: true}}\n"
      + "              - column: {name: title, type: varchar(200), constraints: {nullable: false}}\n"
      + "  - changeSet:\n      id: 2\n      author: reflex-db\n      changes:\n"
      + "        - addColumn:\n            tableName: book\n            columns:\n"
      + "              - column: {name: published, type: date}\n"
      + "        - createIndex:\n            tableName: book\n            indexName: book_title\n"
      + "            columns:\n              - column: {name: title}\n";

  private AotTraining() {}

  /**
   * Runs the training.
   *
   * @param args ignored
   * @throws IOException when the temporary folder cannot be written; the launcher then records no cache
   */
  public static void main(String[] args) throws IOException {
    ReflexDb.startProcess(); // as the launcher's runs do: the cache holds what they load
    Path folder = Files.createTempDirectory("reflex-db-training");
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true);
    try {
      Files.writeString(folder.resolve("changelog.yaml"), CHANGELOG);
      String url = "--url=jdbc:sqlite:" + folder.resolve("training.db");
      String changelog = "--changelog-file=changelog.yaml";
      String searchPath = "--search-path=" + folder;
      System.setOut(nowhere);
      System.setErr(nowhere);
      for (String command : new String[] {"status", "update", "history", "update", "status"}) {
        ReflexDb.run(new String[] {url, changelog, searchPath, command});
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
