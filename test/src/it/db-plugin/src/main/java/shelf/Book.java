package shelf;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The changelog creates id and title; author is new, for revision -Dautogenerate to find. */
@Entity
@Table(name = "book") // MariaDB and MySQL on Linux compare table names case-sensitively
public class Book {
  @Id
  private Integer id;
  private String title;
  private String author;

  protected Book() {}

  public Book(int id, String title, String author) {
    this.id = id;
    this.title = title;
    this.author = author;
  }
}
