package dev.reflex.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.util.function.UnaryOperator;

/**
 * An output stream that hands each complete line to a filter before it reaches the real stream, so that a
 * secret is scrubbed from a whole line and never from half of one. A partial line is passed on at
 * {@link #flush()}, so that prompts still show.
 *
 * <p>Thread-safe: writes are synchronized.
 */
final class LineFilterStream extends OutputStream {
  private final OutputStream target;
  private final UnaryOperator<String> filter;
  private final Charset charset;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  /**
   * Creates the stream.
   *
   * @param target the real stream
   * @param filter turns a line (with its line end) into what to print, or {@code null} to print nothing
   * @param charset the charset of the text
   */
  LineFilterStream(OutputStream target, UnaryOperator<String> filter, Charset charset) {
    this.target = target;
    this.filter = filter;
    this.charset = charset;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      emit();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    emit();
    target.flush();
  }

  private void emit() throws IOException {
    if (line.size() == 0) {
      return;
    }
    String text = line.toString(charset);
    line.reset();
    String shown = filter.apply(text);
    if (shown != null) {
      target.write(shown.getBytes(charset));
      target.flush();
    }
  }
}
