package dev.reflex.db.autogenerate;

import static dev.reflex.db.autogenerate.ScratchStatements.oneLine;

import dev.reflex.orm.DatabaseKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The scratch databases and files of revisions that were killed before they could remove them, found by their
 * {@link ScratchMark} alone and removed when the mark proves their run over; each removal, and each marked one
 * left because its run may still be going, is one line on standard error.
 *
 * <p>Thread-safe (stateless).
 */
final class ScratchLeftovers {
  private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  private ScratchLeftovers() {}

  /**
   * Removes the leftovers on a database server.
   *
   * @param connection a connection to the server, with the timeouts {@link ScratchStatements#boundWaits} sets
   * @param kind PostgreSQL, MariaDB or MySQL
   */
  static void removeFromServer(Connection connection, DatabaseKind kind) {
    String sql = kind == DatabaseKind.POSTGRESQL
        ? "select datname, shobj_description(oid, 'pg_database') from pg_database"
            + " where shobj_description(oid, 'pg_database') like 'reflex-db scratch %'"
        : "select schema_name, schema_comment from information_schema.schemata"
            + " where schema_comment like 'reflex-db scratch %'";
    Map<String, ScratchMark> marked = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        String name = rows.getString(1);
        ScratchMark.parse(rows.getString(2)).ifPresent(mark -> marked.put(name, mark));
      }
    } catch (SQLException e) {
      // a server that cannot list its databases' comments (MySQL) holds no leftover of ours
      return;
    }
    marked.forEach((name, mark) -> {
      String why = mark.over();
      if (why == null) {
        if (mark.worthNaming()) {
          warn("left the scratch database " + name + " of " + mark.describe() + ", which may still be going; once"
              + " it is over, drop it by hand: DROP DATABASE " + ScratchStatements.quote(kind, name));
        }
        return;
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute(ScratchStatements.dropDatabase(kind, name));
        warn("removed the scratch database " + name + " left by " + mark.describe() + ": " + why);
      } catch (SQLException e) {
        warn("could not remove the scratch database " + name + " left by " + mark.describe() + " (" + why + "): "
            + oneLine(e) + "; drop it by hand: DROP DATABASE " + ScratchStatements.quote(kind, name));
      }
    });
  }

  /**
   * Removes the leftover scratch SQLite files of a folder: those whose header carries reflex-db's
   * {@code application_id}, the pid of their run in {@code user_version}.
   *
   * @param folder the folder temporary files are made in
   */
  static void removeSqliteFiles(Path folder) {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(folder)) {
      listed.filter(Files::isRegularFile).forEach(files::add);
    } catch (IOException e) {
      return;
    }
    for (Path file : files) {
      Optional<Long> pid = markedPid(file);
      if (pid.isEmpty()) {
        continue;
      }
      try {
        // the run writes its file until it ends: a process started after the last write is not that run
        String why = ScratchMark.over(pid.get(), Files.getLastModifiedTime(file).toInstant());
        if (why == null) {
          continue;
        }
        for (String suffix : new String[] {"-journal", "-wal", "-shm", ""}) {
          Files.deleteIfExists(Path.of(file + suffix));
        }
        warn("removed the scratch SQLite file " + file + " left by a revision: " + why);
      } catch (IOException e) {
        warn("could not remove the scratch SQLite file " + file + " left by a revision: " + e.getMessage()
            + "; delete it by hand");
      }
    }
  }

  /** @return the pid in the file's header, when the header is a SQLite one with reflex-db's application id */
  private static Optional<Long> markedPid(Path file) {
    byte[] header = new byte[100];
    try (InputStream in = Files.newInputStream(file)) {
      if (in.readNBytes(header, 0, header.length) < header.length) {
        return Optional.empty();
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    for (int i = 0; i < SQLITE_HEADER.length; i++) {
      if (header[i] != SQLITE_HEADER[i]) {
        return Optional.empty();
      }
    }
    ByteBuffer buffer = ByteBuffer.wrap(header);
    if (buffer.getInt(68) != ScratchMark.SQLITE_APPLICATION_ID) {
      return Optional.empty();
    }
    return Optional.of((long) buffer.getInt(60));
  }

  private static void warn(String line) {
    System.err.println("reflex-db: warning: " + line);
  }
}
