package dev.reflex.db.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

class WordsTest {
  @Test
  void blanksSeparateWords() throws MojoExecutionException {
    assertThat(Words.split("  rollback-count\t--count=1 ")).containsExactly("rollback-count", "--count=1");
  }

  @Test
  void quotesKeepBlanksInsideOneWord() throws MojoExecutionException {
    assertThat(Words.split("tag \"release 1\" --x='a b'c")).containsExactly("tag", "release 1", "--x=a bc");
  }

  @Test
  void aBackslashKeepsTheNextCharacter() throws MojoExecutionException {
    assertThat(Words.split("a\\ b \\\"c")).containsExactly("a b", "\"c");
  }

  @Test
  void emptyQuotesAreAnEmptyWord() throws MojoExecutionException {
    assertThat(Words.split("tag ''")).containsExactly("tag", "");
  }

  @Test
  void anUnclosedQuoteSaysSo() {
    assertThatThrownBy(() -> Words.split("tag \"release")).isInstanceOf(MojoExecutionException.class)
        .hasMessage("reflex-db: -Dargs has an unclosed \" quote; close it");
  }
}
