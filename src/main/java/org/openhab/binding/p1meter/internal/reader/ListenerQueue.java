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

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to one listener on its own thread, so that a slow or throwing listener delays nobody else.
 * The queue is bounded: when it is full the OLDEST pending event is dropped (a consumer that fell behind wants
 * the newest reading, not a backlog) and counted.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ListenerQueue implements Delivery {

    private final Logger logger = LoggerFactory.getLogger(ListenerQueue.class);

    private final P1Listener listener;
    private final int capacity;
    private final AtomicLong dropped;
    private final ArrayDeque<Consumer<P1Listener>> queue = new ArrayDeque<>();
    private final Thread thread;
    private boolean closed;
    private final GuardedListener guarded;

    /**
     * @param dropped shared counter of dropped events (the reader's statistics)
     */
    ListenerQueue(P1Listener listener, int capacity, AtomicLong dropped, String threadName) {
        this.listener = listener;
        this.capacity = capacity;
        this.dropped = dropped;
        this.guarded = new GuardedListener(listener);
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public P1Listener listener() {
        return listener;
    }

    /** Queues an event; never blocks. */
    @Override
    public void offer(Consumer<P1Listener> event) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.size() >= capacity) {
                queue.pollFirst();
                long n = dropped.incrementAndGet();
                if (n == 1 || n % 1000 == 0) {
                    logger.warn("Listener {} falls behind: dropped its oldest event ({} dropped so far)",
                            listener.getClass().getName(), n);
                }
            }
            queue.addLast(event);
            queue.notifyAll();
        }
    }

    /**
     * Delivers what is still queued (for at most {@code waitMillis}) and ends the thread; events offered later
     * are ignored. A listener stuck in a call is interrupted and abandoned.
     */
    @Override
    public void close(long waitMillis) {
        synchronized (queue) {
            closed = true;
            queue.notifyAll();
        }
        if (Thread.currentThread() == thread) {
            return; // a listener removing itself from its own callback
        }
        try {
            thread.join(waitMillis);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Math.min(waitMillis, 500));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (true) {
            Consumer<P1Listener> event;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                @Nullable
                Consumer<P1Listener> next = queue.pollFirst();
                if (next == null) {
                    return; // closed and drained
                }
                event = next;
            }
            guarded.call(event);
            if (Thread.interrupted()) {
                return;
            }
        }
    }
}
