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
package org.openhab.binding.p1meter.internal.reader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.concurrent.CountDownLatch;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Numbered telegrams from memory, as fast as they are read, then silence until closed: a replay (which can wait)
 * or, with {@code canWait} false, a stand-in for a serial line (which cannot).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class ReplaySource implements P1Source {

    private final byte[] data;
    private final boolean canWait;
    private final CountDownLatch closed = new CountDownLatch(1);
    private boolean opened;

    /** Telegrams 1..count. */
    public ReplaySource(int count, boolean canWait) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (int i = 1; i <= count; i++) {
            all.writeBytes(NumberedTelegrams.telegram(i));
        }
        this.data = all.toByteArray();
        this.canWait = canWait;
    }

    @Override
    public synchronized InputStream open() throws IOException {
        if (opened) {
            throw new IOException("the replay was read already");
        }
        opened = true;
        return new SequenceInputStream(new ByteArrayInputStream(data), new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("closed");
            }
        });
    }

    @Override
    public void close() {
        closed.countDown();
    }

    @Override
    public String describe() {
        return canWait ? "replay" : "serial-like replay";
    }

    @Override
    public boolean canWait() {
        return canWait;
    }
}
