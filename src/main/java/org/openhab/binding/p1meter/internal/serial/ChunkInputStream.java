/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.internal.serial;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * An input stream fed with chunks by another thread (a serial port's event thread). {@link #close()} and
 * {@link #fail(IOException)} end it from any thread, which unblocks a pending read. Bounded: when the reader
 * falls far behind, the oldest chunks are dropped (the telegram's CRC then rejects the damaged one). While no data
 * comes it asks once a second whether the device is still there: a serial transport reports no event when a USB
 * cable is pulled, so without this a pulled cable would only be noticed by the reader's receive timeout.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ChunkInputStream extends InputStream {

    private static final int MAX_CHUNKS = 1024;
    private static final byte[] END = new byte[0];

    private final String name;
    private final BooleanSupplier devicePresent;
    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>(MAX_CHUNKS);
    private volatile @Nullable IOException failure;
    private volatile boolean closed;
    private byte @Nullable [] current;
    private int pos;

    ChunkInputStream(String name, BooleanSupplier devicePresent) {
        this.name = name;
        this.devicePresent = devicePresent;
    }

    void push(byte[] buf, int len) {
        byte[] copy = Arrays.copyOf(buf, len);
        while (!closed && !chunks.offer(copy)) {
            chunks.poll();
        }
    }

    void fail(IOException e) {
        failure = e;
        end();
    }

    private void end() {
        closed = true;
        chunks.clear();
        chunks.offer(END);
    }

    @Override
    public void close() {
        end();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte @Nullable [] buffer, int off, int len) throws IOException {
        byte[] b = Objects.requireNonNull(buffer);
        if (len == 0) {
            return 0;
        }
        byte[] c = current;
        while (c == null || pos >= c.length) {
            try {
                c = chunks.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while reading " + name, e);
            }
            if (c == END || (c == null && closed)) {
                IOException f = failure;
                if (f != null) {
                    throw f;
                }
                return -1;
            }
            if (c == null && !devicePresent.getAsBoolean()) {
                throw new IOException("serial port " + name + " is gone (USB cable unplugged?)");
            }
            current = c;
            pos = 0;
        }
        int n = Math.min(len, c.length - pos);
        System.arraycopy(c, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        byte[] c = current;
        return c == null ? 0 : c.length - pos;
    }
}
