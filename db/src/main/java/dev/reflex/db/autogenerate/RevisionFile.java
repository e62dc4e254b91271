package dev.reflex.db.autogenerate;

import dev.reflex.orm.migrations.internal.Changelog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.serializer.core.yaml.YamlChangeLogSerializer;

/**
 * A new changelog file, {@code changes/<yyyyMMddHHmmss>-<slug>.yaml} beside the master changelog, with one
 * changeset, and the master's {@code include} of it. The changeset is written by Liquibase's own YAML
 * serializer, so that it reads back exactly as written.
 *
 * <p>Not thread-safe; used once.
 */
public final class RevisionFile {
  private static final Pattern EMPTY_YAML_MASTER =
      Pattern.compile("(?m)^databaseChangeLog:[ \\t]*\\[[ \\t]*\\][ \\t]*(#.*)?$");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);

  private final Path master;
  private final String id;
  private final String relative;

  private RevisionFile(Path master, String id) {
    this.master = master;
    this.id = id;
    this.relative = "changes/" + id + ".yaml";
  }

  /**
   * Plans the file for a master changelog, refusing when there is none.
   *
   * @param changelog the master changelog
   * @param message the user's message, which gives the slug
   * @return the plan; nothing is written yet
   */
  public static RevisionFile plan(Changelog changelog, String message) {
    if (changelog.missing()) {
      throw new AutogenerateFailure("no master changelog: " + changelog.path() + " does not exist; run `reflex-db init`"
          + " to create one, or pass --changelog-file=PATH");
    }
    if (changelog.path().startsWith("classpath:") || !Files.isRegularFile(Path.of(changelog.path()))) {
      throw new AutogenerateFailure("the master changelog " + changelog.path() + " is not a file in the working"
          + " directory; run revision where it is, or pass --changelog-file=PATH");
    }
    String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (slug.length() > 60) {
      slug = slug.substring(0, 60).replaceAll("-+$", "");
    }
    String stamp = LocalDateTime.now().format(STAMP);
    return new RevisionFile(Path.of(changelog.path()), slug.isEmpty() ? stamp : stamp + "-" + slug);
  }

  /** @return the file's path, relative to the working directory as the master's is */
  public Path path() {
    Path parent = master.getParent();
    return parent == null ? Path.of(relative) : parent.resolve(relative);
  }

  /**
   * Writes the file with one changeset holding the changes, and includes it in the master changelog.
   *
   * @param changes the changes, none for an empty changeset to fill in by hand
   * @param message the changeset's comment
   */
  public void write(List<Change> changes, String message) {
    Path file = path();
    if (Files.exists(file)) {
      throw new AutogenerateFailure(file + " already exists; wait a second and run the command again");
    }
    DatabaseChangeLog changeLog = new DatabaseChangeLog(file.toString().replace('\\', '/'));
    String author = System.getProperty("user.name", "reflex-db");
    ChangeSet changeSet = new ChangeSet(id, author, false, false, changeLog.getFilePath(), null, null, changeLog);
    changeSet.setComments(message);
    changes.forEach(changeSet::addChange);
    try {
      ByteArrayOutputStream yaml = new ByteArrayOutputStream();
      new YamlChangeLogSerializer().write(List.of(changeSet), yaml);
      String text = yaml.toString(StandardCharsets.UTF_8);
      if (changes.isEmpty()) {
        // Liquibase's serializer leaves an empty list out; the user fills it in
        text += "    changes: []   # add the changes here: https://docs.liquibase.com/change-types/home.html\n";
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      include();
    } catch (IOException e) {
      throw new AutogenerateFailure("cannot write " + file + " (" + e + "); check that the folder is writable");
    }
  }

  /** Adds the include to the master, unless an {@code includeAll} of {@code changes/} covers it already. */
  private void include() throws IOException {
    String text = Files.readString(master, StandardCharsets.UTF_8);
    if (text.contains("includeAll") && text.matches("(?s).*(path:|path=)\\s*[\"']?changes/?[\"']?.*")) {
      return;
    }
    String name = master.getFileName().toString().toLowerCase(Locale.ROOT);
    String separator = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      // an emptied master, `databaseChangeLog: []`, takes no block entry after it: make it the empty block
      text = EMPTY_YAML_MASTER.matcher(text).replaceFirst("databaseChangeLog:");
      Files.writeString(master, text + separator + "  - include:\n      file: " + relative
          + "\n      relativeToChangelogFile: true\n", StandardCharsets.UTF_8);
    } else if (name.endsWith(".xml") && text.contains("</databaseChangeLog>")) {
      int end = text.lastIndexOf("</databaseChangeLog>");
      Files.writeString(master, text.substring(0, end) + "    <include file=\"" + relative
          + "\" relativeToChangelogFile=\"true\"/>\n" + text.substring(end), StandardCharsets.UTF_8);
    } else {
      throw new AutogenerateFailure("wrote " + path() + ", but cannot add its include to " + master
          + " (neither YAML nor XML); include it there by hand");
    }
  }
}
