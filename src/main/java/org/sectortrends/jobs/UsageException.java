package org.sectortrends.jobs;

/**
 * A bad command line or a bad option value: the job stops before doing any work and exits with code
 * {@value #EXIT_CODE}. The message names the option and the value.
 */
public class UsageException extends IllegalArgumentException {

  public static final int EXIT_CODE = 2;
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }

  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
