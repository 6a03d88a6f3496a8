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
 * Lets channel updates through at most once per refresh interval (every time when the interval is 0), for
 * users who do not want a state update every second.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class RefreshThrottle {

    private final long intervalNanos;
    private long lastNanos;
    private boolean first = true;

    public RefreshThrottle(int intervalSeconds) {
        this.intervalNanos = Math.max(0, intervalSeconds) * 1_000_000_000L;
    }

    /** True when an update is due at {@code nowNanos} (a {@link System#nanoTime()} value); records it. */
    public synchronized boolean due(long nowNanos) {
        if (first || intervalNanos == 0 || nowNanos - lastNanos >= intervalNanos) {
            first = false;
            lastNanos = nowNanos;
            return true;
        }
        return false;
    }
}
