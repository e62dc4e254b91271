package dev.reflex.orm.mybatis;

import dev.reflex.orm.ProviderFailedException;

/**
 * Turns MyBatis' failure to read the mappers into one line. MyBatis writes the whole story into the outermost
 * message ("Error parsing Mapper XML. The XML location is '...'. Cause: ... Could not resolve type alias
 * 'Account'. Cause: ... Cannot find class: Account"); the root cause alone keeps only its last words.
 *
 * <p>Thread-safe (stateless).
 */
final class StartFailure {
  private StartFailure() {}

  /**
   * Describes a failure to configure MyBatis.
   *
   * @param failure what MyBatis threw
   * @return the exception to throw, with the failure as its cause
   */
  static ProviderFailedException of(RuntimeException failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    String oneLine = message.strip().replaceAll("\\s*\\R\\s*", " ")
        .replaceAll("(?<![\\w.])(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "").replaceAll(" {2,}", " ");
    return new ProviderFailedException("MyBatis could not read the mappers: " + oneLine
        + "; fix that mapper (a class in it needs its full name or a type alias) and start again", failure);
  }
}
