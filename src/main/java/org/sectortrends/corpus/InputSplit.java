package org.sectortrends.corpus;

import java.io.Serializable;

/**
 * A piece of input read by one task: a whole file, or a byte range of an uncompressed line-based
 * file. A range owns every line that starts inside it, as Hadoop's line reader does.
 *
 * @param path the file, as a Hadoop path string
 * @param format how to parse it
 * @param start first byte of the range
 * @param length bytes in the range, or -1 for the whole file
 */
public record InputSplit(String path, InputFormat format, long start, long length)
    implements Serializable {

  public boolean wholeFile() {
    return length < 0;
  }
}
