package org.sectortrends.jobs;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed command-line option of a job: name, default, help text and the parser that turns the text
 * into a value. A parser throws {@link IllegalArgumentException}; the option layer turns it into a
 * {@link UsageException} that names the option and the value.
 *
 * @param <T> the value type
 */
public final class JobOption<T> {

  private final String name;
  private final String valueName;
  private final String description;
  private final T defaultValue;
  private final Function<String, T> parser;
  private final boolean multiValued;
  private final boolean flag;

  private JobOption(
      String name,
      String valueName,
      String description,
      T defaultValue,
      Function<String, T> parser,
      boolean multiValued,
      boolean flag) {
    if (!name.matches("[a-z][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "Option names are lower-case words joined by '-': " + name);
    }
    this.name = name;
    this.valueName = valueName;
    this.description = Objects.requireNonNull(description, "description");
    this.defaultValue = defaultValue;
    this.parser = parser;
    this.multiValued = multiValued;
    this.flag = flag;
  }

  public static JobOption<String> string(
      String name, String valueName, String defaultValue, String description) {
    return new JobOption<>(name, valueName, description, defaultValue, s -> s, false, false);
  }

  public static JobOption<Integer> integer(
      String name, int defaultValue, int min, int max, String description) {
    return new JobOption<>(
        name,
        "N",
        description,
        defaultValue,
        s -> {
          int value;
          try {
            value = Integer.parseInt(s.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
          }
          if (value < min || value > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
          }
          return value;
        },
        false,
        false);
  }

  public static JobOption<Double> decimal(
      String name, double defaultValue, double min, double max, String description) {
    return new JobOption<>(
        name,
        "X",
        description,
        defaultValue,
        s -> {
          double value;
          try {
            value = Double.parseDouble(s.strip());
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number");
          }
          if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("must be between " + min + " and " + max);
          }
          return value;
        },
        false,
        false);
  }

  public static JobOption<LocalDate> date(String name, String description) {
    return new JobOption<>(
        name,
        "YYYY-MM-DD",
        description,
        null,
        s -> {
          try {
            return LocalDate.parse(s.strip());
          } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date in the form YYYY-MM-DD");
          }
        },
        false,
        false);
  }

  public static <T> JobOption<T> parsed(
      String name,
      String valueName,
      T defaultValue,
      Function<String, T> parser,
      String description) {
    return new JobOption<>(name, valueName, description, defaultValue, parser, false, false);
  }

  /**
   * An option that takes one or more values: {@code --input a b} or repeated {@code --input a
   * --input b}.
   */
  public static JobOption<List<String>> list(
      String name, String valueName, List<String> defaultValue, String description) {
    return new JobOption<>(name, valueName, description, defaultValue, List::of, true, false);
  }

  /** A switch without a value. */
  public static JobOption<Boolean> flag(String name, String description) {
    return new JobOption<>(
        name,
        null,
        description,
        false,
        s -> {
          // Boolean.parseBoolean reads every other word as false; a typo must fail instead.
          if (s.strip().equalsIgnoreCase("true")) {
            return true;
          }
          if (s.strip().equalsIgnoreCase("false")) {
            return false;
          }
          throw new IllegalArgumentException("a switch takes no value, or true or false");
        },
        false,
        true);
  }

  public String name() {
    return name;
  }

  public String valueName() {
    return valueName;
  }

  public String description() {
    return description;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public boolean multiValued() {
    return multiValued;
  }

  public boolean isFlag() {
    return flag;
  }

  /** Parses one value; the message of the failure names this option and the value. */
  T parse(String text) {
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("Bad value '" + text + "' for --" + name + ": " + e.getMessage(), e);
    }
  }

  String defaultText() {
    if (flag) {
      return "off";
    }
    if (defaultValue == null) {
      return "none";
    }
    if (defaultValue instanceof java.util.Optional<?> optional) {
      return optional.map(String::valueOf).orElse("none");
    }
    if (defaultValue instanceof List<?> list) {
      return String.join(" ", list.stream().map(String::valueOf).toList());
    }
    return String.valueOf(defaultValue);
  }
}
