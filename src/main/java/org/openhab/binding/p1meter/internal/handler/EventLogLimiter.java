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
package org.openhab.binding.p1meter.internal.handler;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Counts events and says when to log them, at most once per interval: a bad cable can corrupt every telegram,
 * and one warning a minute with a count is more useful than sixty.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class EventLogLimiter {

    private final long intervalNanos;
    private long lastLogNanos;
    private boolean logged;
    private long pending;

    public EventLogLimiter(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /**
     * Records one event at {@code nowNanos}.
     *
     * @return the number of events to report now (this one included), or 0 when it is not yet time to log
     */
    public synchronized long record(long nowNanos) {
        pending++;
        if (!logged || nowNanos - lastLogNanos >= intervalNanos) {
            logged = true;
            lastLogNanos = nowNanos;
            long n = pending;
            pending = 0;
            return n;
        }
        return 0;
    }
}
