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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * When a consumer of telegrams (a TCP client, a web socket, a listener in the same process) is given up on. A
 * consumer that keeps reading is never given up on for being behind: it is dropped only when it makes no progress
 * at all for {@link #noProgressTimeout()} while something waits for it, or when what waits for it passes
 * {@link #maxBacklogBytes()}, a bound far above any burst a meter or a replay makes (see {@link #highWater()}).
 *
 * @param noProgressTimeout a consumer that has data waiting and accepts none of it for this long is dropped
 * @param maxBacklogBytes a consumer with more than this waiting is dropped (a listener in the same process skips
 *            its oldest events instead); the memory one consumer may hold
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record ConsumerLimits(Duration noProgressTimeout, long maxBacklogBytes) {

    /** Tens of seconds: a client that is paused in a debugger or swapped out for a moment is not cut off. */
    public static final Duration DEFAULT_NO_PROGRESS_TIMEOUT = Duration.ofSeconds(30);
    /** About an hour of a DSMR 5 meter's JSON readings for one client, yet small beside the daemon's heap. */
    public static final long DEFAULT_MAX_BACKLOG_BYTES = 4L * 1024 * 1024;
    /**
     * What a consumer may have waiting before it counts as behind. A source that can wait (a TCP dongle, a replay)
     * is then read no faster than that consumer takes it; enough to keep a socket busy between two reads.
     */
    static final long HIGH_WATER_BYTES = 256 * 1024;

    public ConsumerLimits {
        if (noProgressTimeout.isNegative() || noProgressTimeout.isZero()) {
            throw new IllegalArgumentException("no-progress timeout must be positive, got " + noProgressTimeout);
        }
        if (maxBacklogBytes < 1024) {
            throw new IllegalArgumentException(
                    "backlog limit must be at least 1 KB, got " + maxBacklogBytes + " bytes");
        }
    }

    public static ConsumerLimits defaults() {
        return new ConsumerLimits(DEFAULT_NO_PROGRESS_TIMEOUT, DEFAULT_MAX_BACKLOG_BYTES);
    }

    /** Bytes waiting beyond which a consumer is behind: the smaller of 256 KB and a quarter of the limit. */
    public long highWater() {
        return Math.min(HIGH_WATER_BYTES, maxBacklogBytes / 4);
    }

    public long noProgressNanos() {
        return noProgressTimeout.toNanos();
    }

    /** For logs: {@code 4 MB}, {@code 512 KB}. */
    public static String size(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes >= 1024 ? (bytes + 512) / 1024 + " KB" : bytes + " bytes";
    }
}
