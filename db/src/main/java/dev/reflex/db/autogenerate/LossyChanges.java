package dev.reflex.db.autogenerate;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.change.Change;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.ModifyDataTypeChange;

/**
 * Changes that can lose data or meaning on a table that holds rows, held back with the drops unless
 * {@code --allow-drops} is given: a type change that is not provably a widening ({@code text} to
 * {@code varchar(255)} cuts values, {@code decimal(19,4)} to {@code decimal(10,2)} rounds them), and a
 * {@code NOT NULL} or a default the column loses (the application may rely on either). A type change reflex-db
 * cannot judge, because the live column's type is unknown, is kept: it is written as before.
 *
 * <p>Thread-safe (stateless).
 */
final class LossyChanges {
  /** Type names as databases report them, to one family name each; sizes are compared within a family. */
  private static final Map<String, String> FAMILIES = Map.ofEntries(
      Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"), Map.entry("nvarchar", "varchar"),
      Map.entry("varchar2", "varchar"), Map.entry("char", "char"), Map.entry("character", "char"),
      Map.entry("bpchar", "char"), Map.entry("nchar", "char"),
      Map.entry("smallint", "int2"), Map.entry("int2", "int2"), Map.entry("tinyint", "int1"),
      Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("int4", "int4"), Map.entry("mediumint", "int3"),
      Map.entry("bigint", "int8"), Map.entry("int8", "int8"),
      Map.entry("decimal", "decimal"), Map.entry("numeric", "decimal"), Map.entry("number", "decimal"),
      Map.entry("real", "float4"), Map.entry("float4", "float4"), Map.entry("float", "float8"),
      Map.entry("double", "float8"), Map.entry("double precision", "float8"), Map.entry("float8", "float8"),
      Map.entry("text", "text"), Map.entry("clob", "text"), Map.entry("longtext", "text"),
      Map.entry("mediumtext", "mediumtext"), Map.entry("tinytext", "tinytext"),
      Map.entry("timestamp", "timestamp"), Map.entry("datetime", "timestamp"), Map.entry("time", "time"),
      Map.entry("date", "date"), Map.entry("boolean", "boolean"), Map.entry("bool", "boolean"),
      Map.entry("bit", "boolean"), Map.entry("uuid", "uuid"), Map.entry("blob", "blob"),
      Map.entry("longblob", "blob"), Map.entry("bytea", "blob"), Map.entry("varbinary", "varbinary"));
  /** From each family, the families that hold every value of it. */
  private static final Map<String, Set<String>> WIDER = Map.of(
      "int1", Set.of("int2", "int3", "int4", "int8", "decimal"),
      "int2", Set.of("int3", "int4", "int8", "decimal"),
      "int3", Set.of("int4", "int8", "decimal"),
      "int4", Set.of("int8", "decimal"),
      "int8", Set.of("decimal"),
      "float4", Set.of("float8"),
      "char", Set.of("varchar", "text"),
      "varchar", Set.of("text"),
      "tinytext", Set.of("mediumtext", "text"),
      "mediumtext", Set.of("text"));
  /** Families whose reported size (a timestamp's 29, 6) is no bound a change could narrow. */
  private static final Set<String> UNSIZED = Set.of("timestamp", "time", "date", "boolean", "uuid", "blob");
  private static final Pattern TYPE = Pattern.compile(
      "\\s*([a-zA-Z][a-zA-Z0-9 ]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?(?:\\s+unsigned)?\\s*",
      Pattern.CASE_INSENSITIVE);
  /** Sizes a database reports for a type that has none (SQLite's 2000000000, PostgreSQL text's 2147483647). */
  private static final long UNBOUNDED = 1_000_000_000L;

  private LossyChanges() {}

  /**
   * Says why a change can lose data or meaning.
   *
   * @param change a change Liquibase's comparison generated
   * @param liveTypes the live database's column types, by {@link SchemaDiff#key}, as {@code name(size, digits)}
   * @return why, in a few words, or {@code null} when the change loses nothing
   */
  static String why(Change change, Map<String, String> liveTypes) {
    if (change instanceof DropNotNullConstraintChange) {
      return "the column would accept NULL, which the application may not expect";
    }
    if (change instanceof DropDefaultValueChange) {
      return "inserts that leave the column out would no longer get its default";
    }
    if (change instanceof ModifyDataTypeChange modify) {
      String live = liveTypes.get(SchemaDiff.key(modify.getTableName(), modify.getColumnName()));
      if (live == null || widens(live, modify.getNewDataType())) {
        return null;
      }
      return "values of " + live + " may not fit " + modify.getNewDataType();
    }
    return null;
  }

  /** @return whether every value of type {@code from} is a value of type {@code to} */
  static boolean widens(String from, String to) {
    Matcher old = TYPE.matcher(from);
    Matcher proposed = TYPE.matcher(to);
    if (!old.matches() || !proposed.matches()) {
      return false;
    }
    String oldFamily = FAMILIES.get(old.group(1).toLowerCase(Locale.ROOT).strip());
    String newFamily = FAMILIES.get(proposed.group(1).toLowerCase(Locale.ROOT).strip());
    if (oldFamily == null || newFamily == null) {
      return false;
    }
    if (!oldFamily.equals(newFamily)) {
      return WIDER.getOrDefault(oldFamily, Set.of()).contains(newFamily) && !(newFamily.equals("decimal")
          && proposed.group(2) != null && oldFamily.startsWith("int"));
    }
    if (UNSIZED.contains(newFamily)) {
      return true; // what databases report as these types' sizes is not a bound on their values
    }
    Size oldSize = Size.of(old);
    Size newSize = Size.of(proposed);
    if (newSize.length() == null || oldSize.length() == null) {
      return newSize.length() == null; // no size: the type's own largest
    }
    if (newSize.length() < oldSize.length()) {
      return false;
    }
    // a decimal keeps its integer digits and its fraction: both must grow or stay
    return newSize.digits() >= oldSize.digits()
        && newSize.length() - newSize.digits() >= oldSize.length() - oldSize.digits();
  }

  /** A type's size as written: its length ({@code null} when none, or unbounded) and its digits (0 when none). */
  private record Size(Long length, long digits) {
    static Size of(Matcher type) {
      Long length = type.group(2) == null ? null : Long.valueOf(type.group(2));
      return new Size(length != null && length >= UNBOUNDED ? null : length,
          type.group(3) == null ? 0 : Long.parseLong(type.group(3)));
    }
  }
}
