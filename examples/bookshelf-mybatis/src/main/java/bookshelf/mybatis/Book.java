package bookshelf.mybatis;

/** A book on the shelf, as MyBatis maps it from a row. */
public class Book {
  private int id;
  private String title;
  private String flavour;

  @Override
  public String toString() {
    return id + " " + title + " (written by " + flavour + ")";
  }
}
