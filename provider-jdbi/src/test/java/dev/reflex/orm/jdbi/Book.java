package dev.reflex.orm.jdbi;

/** A result type that JDBI can map only once a configurer has registered a row mapper for it. */
public final class Book {
  final long id;
  final String title;

  Book(long id, String title) {
    this.id = id;
    this.title = title;
  }
}
