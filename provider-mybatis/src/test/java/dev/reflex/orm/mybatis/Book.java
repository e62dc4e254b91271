package dev.reflex.orm.mybatis;

/** A result type with a camel-case property, filled from an underscore column only when MyBatis is told to. */
public class Book {
  private long id;
  private String bookTitle;

  /** Created by MyBatis for each row. */
  public Book() {}

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getBookTitle() {
    return bookTitle;
  }

  public void setBookTitle(String bookTitle) {
    this.bookTitle = bookTitle;
  }
}
