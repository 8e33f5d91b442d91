package org.sectortrends.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with a preceding {@code \r} dropped) without
 * decoding it, so that invalid UTF-8 is seen as such and a huge line never has to fit in memory: at
 * most {@code maxLineBytes} bytes of a line are kept, the rest is skipped and counted.
 */
final class LineReader {

  /** One physical line. {@code length} counts every byte, {@code bytes} only the kept ones. */
  record Line(long offset, byte[] bytes, long length) {
    boolean truncated() {
      return length > bytes.length;
    }
  }

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private int bufferPos;
  private int bufferEnd;
  private long position;
  private byte[] line = new byte[1024];

  LineReader(InputStream in, long startPosition, int maxLineBytes) {
    this.in = in;
    this.position = startPosition;
    this.maxLineBytes = maxLineBytes;
  }

  /** Byte position of the next unread byte. */
  long position() {
    return position;
  }

  /** Reads the next line, or returns null at the end of the stream. */
  Line next() throws IOException {
    long start = position;
    int kept = 0;
    long length = 0;
    boolean sawAny = false;
    while (true) {
      if (bufferPos == bufferEnd) {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
          if (!sawAny) {
            return null;
          }
          break;
        }
        bufferPos = 0;
        bufferEnd = read;
      }
      sawAny = true;
      int newline = -1;
      for (int i = bufferPos; i < bufferEnd; i++) {
        if (buffer[i] == '\n') {
          newline = i;
          break;
        }
      }
      int chunkEnd = newline >= 0 ? newline : bufferEnd;
      int chunk = chunkEnd - bufferPos;
      // One byte beyond the limit is kept so that a final \r can still be told from content.
      int room = maxLineBytes + 1 - kept;
      int copy = Math.min(chunk, Math.max(room, 0));
      if (copy > 0) {
        ensureCapacity(kept + copy);
        System.arraycopy(buffer, bufferPos, line, kept, copy);
        kept += copy;
      }
      length += chunk;
      position += chunk;
      bufferPos = chunkEnd;
      if (newline >= 0) {
        bufferPos++;
        position++;
        break;
      }
    }
    if (kept > 0 && kept == length && line[kept - 1] == '\r') {
      kept--;
      length--;
    }
    kept = Math.min(kept, maxLineBytes);
    return new Line(start, Arrays.copyOf(line, kept), length);
  }

  /** Skips to just after the next line break; used by ranges that start inside a line. */
  void skipPartialLine() throws IOException {
    // The partial line belongs to the previous range; only its length matters.
    while (true) {
      if (bufferPos == bufferEnd) {
        int read = in.read(buffer, 0, buffer.length);
        if (read <= 0) {
          return;
        }
        bufferPos = 0;
        bufferEnd = read;
      }
      while (bufferPos < bufferEnd) {
        byte b = buffer[bufferPos++];
        position++;
        if (b == '\n') {
          return;
        }
      }
    }
  }

  private void ensureCapacity(int needed) {
    if (needed > line.length) {
      line = Arrays.copyOf(line, Math.max(needed, Math.min(line.length * 2, maxLineBytes)));
    }
  }
}
