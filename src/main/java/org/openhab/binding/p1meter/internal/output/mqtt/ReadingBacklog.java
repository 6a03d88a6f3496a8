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
package org.openhab.binding.p1meter.internal.output.mqtt;

import java.util.ArrayDeque;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;

/**
 * The telegrams the MQTT publisher has not turned into messages yet, oldest first. While the broker takes what it is
 * given, every telegram waits its turn, up to a bound far above any burst a paced source lets through; while the
 * broker is away (or was given up on) only the newest waits, since a reading sent minutes late helps nobody and a
 * dead broker must not hold memory. Fed by the reader's thread, emptied by the publisher's.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ReadingBacklog {

    /** What {@link #add} did. */
    enum Added {
        /** The backlog was empty: the publisher may be waiting for it. */
        FIRST,
        /** Behind other telegrams. */
        QUEUED,
        /** Behind other telegrams, and the oldest was skipped to stay within the bound. */
        OVERFLOWED
    }

    private final int capacity;
    private final ArrayDeque<P1Telegram> waiting = new ArrayDeque<>();
    /** When the publisher last took a telegram, or the backlog last became non-empty (System.nanoTime). */
    private long progressNanos;
    private long skipped;

    ReadingBacklog(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /**
     * Adds a telegram at the tail.
     *
     * @param keepAll false keeps only this telegram (the broker is away, or a publish interval takes the newest)
     */
    synchronized Added add(P1Telegram telegram, boolean keepAll, long nowNanos) {
        boolean wasEmpty = waiting.isEmpty();
        boolean overflowed = false;
        if (!keepAll) {
            skipped += waiting.size();
            waiting.clear();
        } else if (waiting.size() >= capacity) {
            waiting.pollFirst();
            skipped++;
            overflowed = true;
        }
        waiting.addLast(telegram);
        if (wasEmpty) {
            progressNanos = nowNanos;
            return Added.FIRST;
        }
        return overflowed ? Added.OVERFLOWED : Added.QUEUED;
    }

    /** The oldest telegram, or null; taking one is the progress {@link #stalledNanos} measures. */
    synchronized @Nullable P1Telegram take(long nowNanos) {
        P1Telegram t = waiting.pollFirst();
        if (t != null) {
            progressNanos = nowNanos;
        }
        return t;
    }

    /** Skips all but the newest telegram. */
    synchronized void keepNewest() {
        while (waiting.size() > 1) {
            waiting.pollFirst();
            skipped++;
        }
    }

    synchronized int size() {
        return waiting.size();
    }

    /** How long telegrams have waited without the publisher taking one; 0 while none waits. */
    synchronized long stalledNanos(long nowNanos) {
        return waiting.isEmpty() ? 0 : nowNanos - progressNanos;
    }

    /** Telegrams that were never published: replaced while the broker was away, or past the bound. */
    synchronized long skipped() {
        return skipped;
    }
}
