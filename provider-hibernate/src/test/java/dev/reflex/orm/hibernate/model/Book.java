package dev.reflex.orm.hibernate.model;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The contract's {@code book (id, title)} row, as a Hibernate entity. */
@Entity
@Table(name = "book")
public class Book {
  @Id
  private long id;

  private String title;

  /** For Hibernate. */
  protected Book() {}

  public Book(long id, String title) {
    this.id = id;
    this.title = title;
  }

  public long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public void rename(String title) {
    this.title = title;
  }
}
