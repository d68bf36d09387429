package com.speedfog.racing.seeds.pack;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lets the zip writer be closed (freeing its deflater) without closing the caller's stream. */
final class KeepOpenOutputStream extends FilterOutputStream {

    KeepOpenOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
