package dev.reflex.orm.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The row every benchmark reads: a Hibernate entity, a MyBatis result and a JDBI bean. */
@Entity
@Table(name = "book")
public class Book {
  @Id
  private long id;
  private String title;

  /** For the ORMs. */
  public Book() {}

  public long getId() {
    return id;
  }

  public void setId(long id) {
    this.id = id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }
}
