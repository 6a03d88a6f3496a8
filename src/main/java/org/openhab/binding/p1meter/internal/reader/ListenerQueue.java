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
 *
 * <p>
 * A listener that keeps working through its events gets every one of them: while it has more than
 * {@link ConsumerLimits#highWater()} waiting it is {@link #behind()}, and a reader of a source that can wait reads
 * no further until it has caught up. A listener that finishes no event for
 * {@link ConsumerLimits#noProgressTimeout()} is no longer waited for (and that is logged). What waits for it is
 * bounded by {@link ConsumerLimits#maxBacklogBytes()}: beyond that its OLDEST events are skipped, counted and
 * logged (the listener lives in this process and stays subscribed; it wants the newest reading most).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ListenerQueue implements Delivery {

    private final Logger logger = LoggerFactory.getLogger(ListenerQueue.class);

    /** One waiting event and about the memory it holds. */
    private record Pending(Consumer<P1Listener> event, long weight) {
    }

    private final P1Listener listener;
    private final ConsumerLimits limits;
    private final AtomicLong dropped;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final Thread thread;
    private final GuardedListener guarded;

    // guarded by queue
    private boolean closed;
    private long pendingBytes;
    /** The listener is inside a call. */
    private boolean busy;
    /** When the listener last finished an event, or when its backlog started if later. */
    private long progressNanos = System.nanoTime();
    private boolean stallLogged;
    private long skippedInBurst;

    /**
     * @param dropped shared counter of skipped events (the reader's statistics)
     */
    ListenerQueue(P1Listener listener, ConsumerLimits limits, AtomicLong dropped, String threadName) {
        this.listener = listener;
        this.limits = limits;
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
    public void offer(Consumer<P1Listener> event, long weight) {
        synchronized (queue) {
            if (closed) {
                return;
            }
            if (queue.isEmpty() && !busy) {
                progressNanos = System.nanoTime(); // a backlog starts now: no-progress time counts from here
            }
            queue.addLast(new Pending(event, weight));
            pendingBytes += weight;
            while (pendingBytes > limits.maxBacklogBytes() && queue.size() > 1) {
                Pending oldest = queue.pollFirst();
                if (oldest != null) {
                    pendingBytes -= oldest.weight();
                    dropped.incrementAndGet();
                    if (skippedInBurst++ == 0) {
                        logger.warn(
                                "Listener {} is more than {} behind: skipping its oldest events until it "
                                        + "catches up",
                                listener.getClass().getName(), ConsumerLimits.size(limits.maxBacklogBytes()));
                    }
                }
            }
            queue.notifyAll();
        }
    }

    @Override
    public boolean behind() {
        boolean queueBehind;
        synchronized (queue) {
            queueBehind = !closed && pendingBytes > limits.highWater() && !stalled();
        }
        return queueBehind || (listener instanceof PacedListener paced && paced.behind());
    }

    /** Guarded by queue: no event finished for the no-progress time while some wait; logs it once. */
    private boolean stalled() {
        if (System.nanoTime() - progressNanos <= limits.noProgressNanos()) {
            return false;
        }
        if (!stallLogged) {
            stallLogged = true;
            logger.warn("Listener {} made no progress for {} s with {} waiting: no longer waiting for it",
                    listener.getClass().getName(), limits.noProgressTimeout().toSeconds(),
                    ConsumerLimits.size(pendingBytes));
        }
        return true;
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
        if (Thread.currentThread().equals(thread)) {
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
            Pending next;
            synchronized (queue) {
                while (queue.isEmpty() && !closed) {
                    try {
                        queue.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                @Nullable
                Pending p = queue.pollFirst();
                if (p == null) {
                    return; // closed and drained
                }
                next = p;
                pendingBytes -= p.weight();
                busy = true;
            }
            guarded.call(next.event());
            synchronized (queue) {
                busy = false;
                progressNanos = System.nanoTime();
                if (stallLogged) {
                    stallLogged = false;
                    logger.info("Listener {} makes progress again", listener.getClass().getName());
                }
                if (queue.isEmpty() && skippedInBurst > 0) {
                    logger.info("Listener {} caught up after {} skipped events", listener.getClass().getName(),
                            skippedInBurst);
                    skippedInBurst = 0;
                }
            }
            if (Thread.interrupted()) {
                return;
            }
        }
    }
}
