package dev.reflex.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The SQLite driver's native library, kept in the distribution. On every run that opens a SQLite database, the driver
 * (sqlite-jdbc) starts a process ({@code uname -o}) to learn whether it runs on Android, copies its native library
 * out of its jar into the temporary folder, reads the copy back byte by byte to compare it, loads it and deletes it
 * at exit: 60 to 120 ms of a 1 s command. The launcher names a folder of the distribution ({@code lib/native},
 * system property {@value #FOLDER}); the library is copied there once, into a folder named for the driver's jar (its
 * name, size and time) and the system (operating system and architecture), and the driver is told to load that copy
 * with its own settings {@code org.sqlite.lib.path} and {@code org.sqlite.lib.name}, which it reads before it asks
 * anything of the system. A copy is written to a file of its own, checked against the checksum the jar records,
 * then renamed into place, so that no run sees half of one.
 *
 * <p>Nothing changes where the folder cannot be written and holds no copy, where the user set either setting, or where
 * the driver's jar is not on the class path: the driver does as it always does. A copy the system cannot load (a
 * folder on a file system mounted {@code noexec}, or shared by systems that differ in their C library) makes the
 * driver log a line, which reflex-db keeps quiet unless asked for details, then extract its library as usual.
 *
 * <p>Not thread-safe: called once, at start-up, before any connection is opened.
 */
final class SqliteLibrary {
  /** The system property by which the launcher names the folder. */
  static final String FOLDER = "reflex.db.native";
  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  private SqliteLibrary() {}

  /** Points the driver at the copy in the launcher's folder, made first where it is missing and can be. */
  static void useKeptCopy() {
    String folder = System.getProperty(FOLDER);
    if (folder == null || folder.isEmpty() || System.getProperty(PATH) != null || System.getProperty(NAME) != null) {
      return;
    }
    try {
      Path jar = driverJar();
      if (jar == null) {
        return;
      }
      Path copy = Path.of(folder).resolve(copyFolder(jar)).resolve(System.mapLibraryName("sqlitejdbc"));
      if (!Files.isRegularFile(copy)) {
        write(jar, copy);
      }
      System.setProperty(PATH, copy.getParent().toString());
      System.setProperty(NAME, copy.getFileName().toString());
    } catch (IOException | ReflectiveOperationException | URISyntaxException | RuntimeException e) {
      // the driver extracts its library itself, as without the launcher
    }
  }

  /** @return the driver's jar, or {@code null} where the driver is missing or not in a jar */
  private static Path driverJar() throws URISyntaxException {
    Class<?> driver;
    try {
      // not initialised: that registers the driver, which its service entry does when a connection is asked for
      driver = Class.forName("org.sqlite.JDBC", false, SqliteLibrary.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    CodeSource source = driver.getProtectionDomain().getCodeSource();
    URL location = source == null ? null : source.getLocation();
    if (location == null || !"file".equals(location.getProtocol()) || !location.getPath().endsWith(".jar")) {
      return null;
    }
    return Path.of(location.toURI());
  }

  /** @return the folder of the copy: the jar's name, size and time, the system's name and architecture */
  private static String copyFolder(Path jar) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(jar, BasicFileAttributes.class);
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "") + "-" + attributes.size() + "-"
        + attributes.lastModifiedTime().toMillis() + "-" + System.getProperty("os.name") + "-"
        + System.getProperty("os.arch");
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /**
   * Copies the library the driver would load on this system to a file of its own next to its place, checks it
   * against the jar's checksum, then renames it into place; fails where the folder cannot be written.
   */
  private static void write(Path jar, Path copy) throws IOException, ReflectiveOperationException {
    Files.createDirectories(copy.getParent());
    Path partial = Files.createTempFile(copy.getParent(), copy.getFileName().toString(), ".tmp");
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry(resourcePath());
      CRC32 crc = new CRC32();
      try (InputStream in = new CheckedInputStream(file.getInputStream(entry), crc)) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (crc.getValue() != entry.getCrc() || Files.size(partial) != entry.getSize()) {
        throw new IOException("the copy of " + entry.getName() + " differs from the jar's");
      }
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  /**
   * Returns where the driver keeps its library for this system in its jar, asked of the driver itself (which starts
   * a process to answer), by name: reflex-db does not depend on a driver to compile.
   */
  private static String resourcePath() throws ReflectiveOperationException {
    Class<?> loader = Class.forName("org.sqlite.util.LibraryLoaderUtil", true, SqliteLibrary.class.getClassLoader());
    String folder = (String) loader.getMethod("getNativeLibResourcePath").invoke(null);
    String name = (String) loader.getMethod("getNativeLibName").invoke(null);
    return (folder + "/" + name).substring(1);
  }
}
