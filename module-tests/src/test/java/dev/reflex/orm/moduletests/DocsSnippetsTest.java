package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code in the docs compiled: every fenced block in {@code README.md} and {@code docs/} that follows a
 * {@code <!-- snippet: PATH#TAG -->} line must equal the region between {@code tag::TAG[]} and {@code end::TAG[]}
 * in that file, which the build compiles (an example or a test). {@code -Dreflex.docs.update=true} rewrites the
 * blocks from their sources instead of failing.
 */
class DocsSnippetsTest {
  private static final Pattern MARKER = Pattern.compile("<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->");
  private static final Pattern TAG_LINE = Pattern.compile(".*\\b(?:tag|end)::[\\w-]+\\[\\].*");

  @Test
  void everySnippetInTheDocsIsTheCompiledSourceItNames() throws IOException {
    Path root = Examples.dir().getParent();
    boolean update = Boolean.getBoolean("reflex.docs.update");
    List<String> stale = new ArrayList<>();
    int snippets = 0;
    for (Path doc : docs(root)) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      List<String> out = new ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        out.add(lines.get(i));
        Matcher marker = MARKER.matcher(lines.get(i).strip());
        if (!marker.matches()) {
          continue;
        }
        snippets++;
        String where = root.relativize(doc) + ":" + (i + 1);
        assertThat(i + 1 < lines.size() && lines.get(i + 1).startsWith("```"))
            .as("%s: a snippet marker must be followed by a fenced code block", where).isTrue();
        int close = i + 2;
        while (close < lines.size() && !lines.get(close).startsWith("```")) {
          close++;
        }
        assertThat(close).as("%s: the code block is not closed", where).isLessThan(lines.size());
        List<String> expected = region(root.resolve(marker.group(1)), marker.group(2), where);
        if (!lines.subList(i + 2, close).equals(expected)) {
          stale.add(where + " differs from " + marker.group(1) + (marker.group(2) == null ? "" : "#" + marker.group(2)));
        }
        out.add(lines.get(i + 1));
        out.addAll(expected);
        out.add(lines.get(close));
        i = close;
      }
      if (update && !out.equals(lines)) {
        Files.write(doc, out, StandardCharsets.UTF_8);
      }
    }
    assertThat(snippets).as("snippet markers found in README.md and docs/").isGreaterThan(5);
    if (!update) {
      assertThat(stale).as("stale snippets: run ./mvnw -pl module-tests verify -Dtest=DocsSnippetsTest"
          + " -Dreflex.docs.update=true, then review the diff").isEmpty();
    }
  }

  private static List<Path> docs(Path root) throws IOException {
    List<Path> docs = new ArrayList<>();
    docs.add(root.resolve("README.md"));
    Path dir = root.resolve("docs");
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        docs.addAll(files.filter(f -> f.toString().endsWith(".md")).sorted().collect(Collectors.toList()));
      }
    }
    return docs;
  }

  /** The lines between the tag's markers (the whole file without a tag), less other tag lines, dedented. */
  private static List<String> region(Path source, String tag, String where) throws IOException {
    assertThat(source).as("%s names a file that does not exist", where).isRegularFile();
    List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
    int from = 0;
    int to = lines.size();
    if (tag != null) {
      from = indexOf(lines, "tag::" + tag + "[]", 0, where) + 1;
      to = indexOf(lines, "end::" + tag + "[]", from, where);
    }
    List<String> region = lines.subList(from, to).stream().filter(line -> !TAG_LINE.matcher(line).matches())
        .collect(Collectors.toList());
    int indent = region.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return region.stream().map(line -> line.isBlank() ? "" : line.substring(indent)).collect(Collectors.toList());
  }

  private static int indexOf(List<String> lines, String text, int from, String where) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError(where + ": no \"" + text + "\" in the source it names");
  }
}
