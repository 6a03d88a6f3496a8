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
package org.openhab.binding.p1meter.internal.output.web;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.DirectListener;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.PacedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes readings to the dashboard's web sockets, per the contract: on connect the last reading as
 * {@code {"topic":"power","payload":...}}, then every new one as {@code {"topic":"dsmr","payload":...}}.
 * Besides the contract's two topics, a browser gets on connect the chart's last five minutes as
 * {@code {"topic":"history","payload":{"windowMs":..,"points":[..]}}} and the source's state as
 * {@code {"topic":"status","payload":{"state":..,"message":..,"telegramAgeMs":..}}}, and a new status whenever
 * the source's state changes: the page then shows a chart and an honest "live" or "lost" at once, instead of
 * an empty chart and a guess from the reading's age. Clients that know only the contract's topics skip these.
 * Each telegram is written as JSON once, whatever the number of browsers, on the feed's thread; sends are
 * asynchronous, so that thread never waits for a browser's I/O. A browser that reads slowly holds up a source
 * that can wait ({@link PacedListener}); one that stops reading is dropped ({@link DashboardSocket}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class DashboardHub implements DirectListener, PacedListener, AutoCloseable {

    public static final String TOPIC_CONNECT = "power";
    public static final String TOPIC_TELEGRAM = "dsmr";
    public static final String TOPIC_HISTORY = "history";
    public static final String TOPIC_STATUS = "status";

    /** What the page's chart shows, and so what a browser gets on connect. */
    static final long HISTORY_WINDOW_MS = 5 * 60 * 1000;
    /** Bounds the history of a source that sends faster than a meter (a replay): at most this many points. */
    static final int HISTORY_MAX_POINTS = 1200;

    private final Logger logger = LoggerFactory.getLogger(DashboardHub.class);
    private final P1Feed feed;
    private final Function<P1Telegram, String> readingJson;
    private final LongSupplier clock;
    private final ConsumerLimits limits;
    private final Set<DashboardSocket> sockets = ConcurrentHashMap.newKeySet();
    /** Orders a newcomer's first messages with the broadcasts, so it never misses a telegram. */
    private final Object sendLock = new Object();
    /** The chart's recent points, oldest first; guarded by sendLock. */
    private final ArrayDeque<ChartPoint> history = new ArrayDeque<>();
    private volatile boolean started;

    public DashboardHub(P1Feed feed) {
        this(feed, ConsumerLimits.defaults());
    }

    public DashboardHub(P1Feed feed, ConsumerLimits limits) {
        this(feed, DashboardMessages::reading, System::currentTimeMillis, limits);
    }

    DashboardHub(P1Feed feed, Function<P1Telegram, String> readingJson) {
        this(feed, readingJson, System::currentTimeMillis, ConsumerLimits.defaults());
    }

    DashboardHub(P1Feed feed, Function<P1Telegram, String> readingJson, ConsumerLimits limits) {
        this(feed, readingJson, System::currentTimeMillis, limits);
    }

    /** @param clock epoch ms for the chart's window (the feed's times are this machine's); tests move it */
    DashboardHub(P1Feed feed, Function<P1Telegram, String> readingJson, LongSupplier clock) {
        this(feed, readingJson, clock, ConsumerLimits.defaults());
    }

    DashboardHub(P1Feed feed, Function<P1Telegram, String> readingJson, LongSupplier clock, ConsumerLimits limits) {
        this.feed = feed;
        this.readingJson = readingJson;
        this.clock = clock;
        this.limits = limits;
    }

    /** Subscribes to the feed. */
    public void start() {
        started = true;
        feed.addListener(this);
    }

    /** A new socket object for one browser: what a {@code WebSocketCreator} returns. */
    public DashboardSocket newSocket() {
        return new DashboardSocket(this, limits);
    }

    /** The number of connected browsers. */
    public int sessions() {
        return sockets.size();
    }

    @Override
    public void onTelegram(P1Telegram telegram) {
        long now = clock.getAsLong();
        ChartPoint point = ChartPoint.of(telegram, now);
        String message = sockets.isEmpty() ? null : message(TOPIC_TELEGRAM, telegram);
        long nanos = System.nanoTime();
        synchronized (sendLock) {
            remember(point, now);
            if (message != null) {
                for (DashboardSocket socket : sockets) {
                    if (!socket.dropIfStalled(nanos)) {
                        socket.send(message);
                    }
                }
            }
        }
    }

    /** Asked before every read of a source that can wait; drops a browser whose no-progress time ran out. */
    @Override
    public boolean behind() {
        if (sockets.isEmpty()) {
            return false;
        }
        long now = System.nanoTime();
        for (DashboardSocket socket : sockets) {
            if (!socket.dropIfStalled(now) && socket.behind()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void onConnectionState(ConnectionState state, String message) {
        if (sockets.isEmpty()) {
            return;
        }
        synchronized (sendLock) {
            // the feed's status rather than the event's: it may be newer, never older, and it knows the last arrival
            String status = DashboardMessages.message(TOPIC_STATUS,
                    DashboardMessages.status(feed.status(), System.currentTimeMillis()));
            for (DashboardSocket socket : sockets) {
                socket.send(status);
            }
        }
    }

    /** Keeps the points that arrived within the chart's window, at most {@value #HISTORY_MAX_POINTS}. */
    private void remember(ChartPoint point, long now) {
        history.addLast(point);
        forgetOld(now);
    }

    private void forgetOld(long now) {
        while (history.size() > HISTORY_MAX_POINTS
                || (!history.isEmpty() && history.peekFirst().arrivedMillis() < now - HISTORY_WINDOW_MS)) {
            history.removeFirst();
        }
    }

    void joined(DashboardSocket socket) {
        // under the lock that close() takes too: a browser that joins while the hub closes is either closed
        // with the others or refused, never left open on a closed hub
        synchronized (sendLock) {
            if (!started) {
                socket.close(1013, "The dashboard is shutting down");
                return;
            }
            // in the set before the first message goes out: broadcasts wait for this lock, so 'power' still comes
            // first, and a telegram that arrives once the browser has it is never skipped for this browser
            sockets.add(socket);
            P1Telegram last = feed.lastTelegram();
            String message = last == null ? null : message(TOPIC_CONNECT, last);
            if (message != null) {
                socket.send(message);
            }
            forgetOld(clock.getAsLong()); // the source may have been quiet since the last telegram
            if (!history.isEmpty()) {
                socket.send(DashboardMessages.message(TOPIC_HISTORY,
                        DashboardMessages.history(HISTORY_WINDOW_MS, history)));
            }
            socket.send(DashboardMessages.message(TOPIC_STATUS,
                    DashboardMessages.status(feed.status(), System.currentTimeMillis())));
        }
        logger.debug("Dashboard socket connected ({} open)", sockets.size());
    }

    void left(DashboardSocket socket) {
        if (sockets.remove(socket)) {
            logger.debug("Dashboard socket closed ({} open)", sockets.size());
        }
    }

    private @Nullable String message(String topic, P1Telegram telegram) {
        try {
            return DashboardMessages.message(topic, readingJson.apply(telegram));
        } catch (RuntimeException e) {
            // one telegram that cannot be written costs that telegram only, never the sockets
            logger.warn("Cannot write the reading of {} as JSON: {}", telegram, e.getMessage(), e);
            return null;
        }
    }

    /** Unsubscribes and closes every socket; idempotent. */
    @Override
    public void close() {
        feed.removeListener(this);
        synchronized (sendLock) {
            started = false;
            for (DashboardSocket socket : sockets) {
                socket.close(1001, "The dashboard is shutting down");
            }
            sockets.clear();
        }
    }
}
