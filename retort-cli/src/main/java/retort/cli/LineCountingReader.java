package retort.cli;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/** A reader that knows the line of the last character it handed out, so a parse error can name it. */
final class LineCountingReader extends FilterReader {

  private int newlines;
  private int last = -1;

  LineCountingReader(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    count(c);
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = 0; i < n; i++) {
      count(buffer[offset + i]);
    }
    return n;
  }

  private void count(int c) {
    if (c == '\n') {
      newlines++;
    }
    if (c >= 0) {
      last = c;
    }
  }

  /** The 1-based line of the last character read; a line break counts with the line it ends. */
  int line() {
    return 1 + newlines - (last == '\n' ? 1 : 0);
  }
}
