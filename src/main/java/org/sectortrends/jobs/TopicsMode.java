package org.sectortrends.jobs;

import java.util.Locale;

/**
 * What a {@code topics} run does with the model ({@code --mode}).
 *
 * <p>{@link #AUTO} is what a periodic pipeline run uses: it fits when no model is saved yet and
 * assigns otherwise.
 */
public enum TopicsMode {
  /** Retrain on every article and keep matched topic ids. */
  FIT,
  /** Assign the selected months with the newest saved model as it is. */
  ASSIGN,
  /** Fit when no model is saved yet, else assign. */
  AUTO;

  /** The value on the command line: {@code fit}, {@code assign} or {@code auto}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@link #id()}; the message of the failure says the values allowed. */
  public static TopicsMode parse(String text) {
    for (TopicsMode mode : values()) {
      if (mode.id().equals(text.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException("must be fit, assign or auto");
  }

  /** Whether a run fits a model, given whether one is saved already. */
  public boolean fits(boolean modelSaved) {
    return this == FIT || (this == AUTO && !modelSaved);
  }

  /** The {@link #id()}, as shown in the help and the runs table. */
  @Override
  public String toString() {
    return id();
  }
}
