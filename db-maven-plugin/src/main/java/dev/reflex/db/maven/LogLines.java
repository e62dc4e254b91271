package dev.reflex.db.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.Consumer;

/**
 * A stream that hands each line written to it to a consumer, without its line end: reflex-db's standard
 * streams, turned into lines of Maven's log. reflex-db has scrubbed them of secrets before they get here.
 *
 * <p>Not thread-safe: reflex-db writes through a {@link java.io.PrintStream}, which holds its own lock.
 */
final class LogLines extends OutputStream {
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Charset charset;
  private final Consumer<String> consumer;

  /**
   * Creates the stream.
   *
   * @param charset the charset reflex-db encodes its lines with
   * @param consumer receives each line
   */
  LogLines(Charset charset, Consumer<String> consumer) {
    this.charset = charset;
    this.consumer = consumer;
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  /** Hands on a last line that has no line end. */
  @Override
  public void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  private void emit() {
    String text = line.toString(charset);
    line.reset();
    consumer.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
  }
}
