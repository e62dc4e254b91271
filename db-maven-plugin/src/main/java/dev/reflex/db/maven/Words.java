package dev.reflex.db.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Splits {@code -Dargs} into words as a shell would, for the common cases: blanks separate words, single or double
 * quotes keep blanks inside one, a backslash keeps the next character as it is.
 *
 * <p>Thread-safe (stateless).
 */
final class Words {
  private Words() {}

  /**
   * Splits a line.
   *
   * @param line the line
   * @return its words
   * @throws MojoExecutionException when a quote is not closed
   */
  static List<String> split(String line) throws MojoExecutionException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new MojoExecutionException("reflex-db: -Dargs has an unclosed " + quote + " quote; close it");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
