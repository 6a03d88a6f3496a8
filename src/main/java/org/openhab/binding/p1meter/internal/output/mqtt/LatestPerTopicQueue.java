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

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The messages waiting for the broker, at most one per topic: a newer message for a topic replaces the one
 * still waiting, so while the broker is away the queue holds the latest reading, not hours of stale ones.
 * Bounded besides: past {@code capacity} topics the oldest waiting message is dropped. Thread-safe; the feed's
 * thread offers, the publisher thread polls.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class LatestPerTopicQueue {

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private LinkedHashMap<String, OutboundMessage> waiting = new LinkedHashMap<>();
    private boolean woken;
    private long dropped;
    private long replaced;

    LatestPerTopicQueue(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    /** Adds a message at the tail, replacing (in place) any message still waiting for the same topic. */
    void offer(OutboundMessage message) {
        lock.lock();
        try {
            if (waiting.put(message.topic(), message) != null) {
                replaced++;
            }
            trim();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts messages ahead of everything waiting (connection state and discovery before readings). */
    void offerFirst(List<OutboundMessage> messages) {
        lock.lock();
        try {
            LinkedHashMap<String, OutboundMessage> next = new LinkedHashMap<>();
            for (OutboundMessage m : messages) {
                next.put(m.topic(), m);
            }
            for (Map.Entry<String, OutboundMessage> e : waiting.entrySet()) {
                next.putIfAbsent(e.getKey(), e.getValue());
            }
            waiting = next;
            trim();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts back a message whose publishing failed, at the head, unless a newer one for its topic is waiting. */
    void requeue(OutboundMessage message) {
        lock.lock();
        try {
            if (waiting.containsKey(message.topic())) {
                return;
            }
            LinkedHashMap<String, OutboundMessage> next = new LinkedHashMap<>();
            next.put(message.topic(), message);
            next.putAll(waiting);
            waiting = next;
            trim();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes the oldest waiting message, waiting up to the timeout for one; returns null on timeout or when
     * {@link #wakeUp()} was called.
     */
    @Nullable
    OutboundMessage poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lock();
        try {
            while (waiting.isEmpty() && !woken) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = changed.awaitNanos(nanos);
            }
            woken = false;
            Iterator<OutboundMessage> it = waiting.values().iterator();
            if (!it.hasNext()) {
                return null;
            }
            OutboundMessage m = it.next();
            it.remove();
            return m;
        } finally {
            lock.unlock();
        }
    }

    /** Makes a waiting (or the next) {@link #poll} return at once: something else needs the publisher. */
    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Messages dropped because the queue was full. */
    long dropped() {
        lock.lock();
        try {
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /** Messages replaced by a newer one for the same topic before they could be sent. */
    long replaced() {
        lock.lock();
        try {
            return replaced;
        } finally {
            lock.unlock();
        }
    }

    private void trim() {
        Iterator<OutboundMessage> it = waiting.values().iterator();
        while (waiting.size() > capacity && it.hasNext()) {
            it.next();
            it.remove();
            dropped++;
        }
    }
}
