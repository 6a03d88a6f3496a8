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

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Where telegram bytes come from: a serial port, a TCP socket, a simulated meter. A {@link P1Reader} opens
 * it, reads until the stream fails or ends, closes it and opens it again after a backoff.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface P1Source extends Closeable {

    /**
     * Opens the source. Blocks at most for the source's connect timeout.
     *
     * @return the stream of bytes; reads may block and must fail (not hang forever) when {@link #close()} is
     *         called from another thread
     * @throws IOException with a message a user can act on ("port /dev/ttyUSB0 is in use by ...")
     */
    InputStream open() throws IOException;

    /** Closes what {@link #open()} opened; idempotent; unblocks a pending read. */
    @Override
    void close();

    /** A short description for logs and status messages, e.g. {@code tcp 192.168.1.20:8088}. */
    String describe();

    /**
     * Whether this source may be read more slowly than it sends: true for a TCP socket (the sender's TCP stack
     * holds what is not read yet) and a replay; false for a serial line, whose bytes are lost when they are not
     * read in time. A reader waits for consumers that are behind only when the source can wait
     * ({@link PacedListener}).
     */
    default boolean canWait() {
        return false;
    }
}
