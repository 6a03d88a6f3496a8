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

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.dsmr.TelegramDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one {@link P1Source} and tells listeners about every telegram, rejection, usage change and connection
 * change.
 *
 * <p>
 * One reader thread opens the source, feeds the bytes to a {@link TelegramDecoder} and turns what it decodes into
 * events. When the stream fails or ends the source is closed and reopened after a backoff that starts at
 * {@link ReaderOptions#minBackoff()}, doubles up to {@link ReaderOptions#maxBackoff()} and is reset by a good
 * telegram. A watchdog thread closes a source that stays open without a valid telegram for the receive timeout
 * ({@link ConnectionState#NO_DATA}), and asks an {@link AutoBaudSource} for its next line settings when nothing
 * valid arrived within its probe window.
 *
 * <p>
 * Each listener has its own queue and delivery thread ({@link ListenerQueue}); a {@link DirectListener}, whose
 * callbacks only hand work on to a queue of its own, is called on the reader thread instead (one thread hand-off
 * less per telegram). No listener is ever called with the reader waiting for its I/O.
 *
 * <p>
 * Backpressure: when the source can wait ({@link P1Source#canWait()}: a TCP dongle, a replay), the reader asks its
 * listeners before every read whether one is behind ({@link PacedListener}, a queue past its high-water mark) and
 * reads no further until none is. The source is then read at the pace of the slowest consumer that still makes
 * progress, and nothing is lost; a consumer that makes none is dropped after its no-progress timeout and the
 * reading goes on. A serial line is never held up: its consumers are bounded by {@link ConsumerLimits} instead.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class P1Reader implements P1Feed {

    /** Up to about 16 telegrams per read from a fast source; a serial port returns far less at a time. */
    private static final int READ_BUFFER = 16 * 1024;
    private static final long LISTENER_CLOSE_WAIT_MS = 2000;
    private static final long THREAD_JOIN_MS = 5000;
    /** Weight of a telegram event beyond its raw bytes: the parsed readings (see {@link Delivery#offer}). */
    private static final int PARSED_WEIGHT_FACTOR = 3;
    /** Weight of a small event (usage change, connection state, rejection). */
    private static final long SMALL_EVENT_WEIGHT = 256;
    /** How long the reader sleeps at most between two looks at consumers that are behind. */
    private static final long MAX_PACING_PARK_NANOS = 2_000_000;
    /** Rejections since open, without any valid telegram, that make an auto-baud source switch at once. */
    private static final int GARBAGE_REJECTIONS_BEFORE_SWITCH = 3;

    private final Logger logger = LoggerFactory.getLogger(P1Reader.class);

    private final P1Source source;
    private final DecoderConfig decoderConfig;
    private final ReaderOptions options;
    private final List<Delivery> listeners = new CopyOnWriteArrayList<>();

    private final AtomicLong telegrams = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong pacingNanos = new AtomicLong();
    private final Map<Rejection.Reason, AtomicLong> rejected = new EnumMap<>(Rejection.Reason.class);

    private final Object connectionLock = new Object();
    /** Guarded by connectionLock: the source is open and being read. */
    private boolean open;
    /** Guarded by connectionLock: why the watchdog closed the current connection, null if it did not. */
    private @Nullable String watchdogReason;
    private boolean watchdogSwitchSettings;

    private volatile boolean running;
    private volatile boolean started;
    private volatile @Nullable P1Telegram lastTelegram;
    /** The connection part of {@link #status()}; written by the reader thread (and by stop() once it ended). */
    private volatile FeedStatus connection = FeedStatus.UNKNOWN;
    private volatile long lastTelegramMillis;
    private volatile long openedAtNanos;
    private volatile long lastValidNanos;
    private volatile int rejectionsSinceOpen;
    private volatile boolean validSinceOpen;
    /** The reader waits for consumers that are behind: no silence of the source, for the watchdog. */
    private volatile boolean pacing;

    private @Nullable Thread readerThread;
    private @Nullable Thread watchdogThread;
    private final Object sleepLock = new Object();
    private int listenerCount;

    private final UsageTracker usage = new UsageTracker();

    public P1Reader(P1Source source, DecoderConfig decoder, ReaderOptions options) {
        this.source = source;
        this.decoderConfig = decoder;
        this.options = options;
        for (Rejection.Reason r : Rejection.Reason.values()) {
            rejected.put(r, new AtomicLong());
        }
    }

    public P1Source source() {
        return source;
    }

    /** Starts the reader (and watchdog) threads. Once only. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("P1Reader for " + source.describe() + " was already started");
        }
        started = true;
        running = true;
        Thread reader = new Thread(this::readLoop, "p1-reader-" + source.describe());
        reader.setDaemon(true);
        readerThread = reader;
        reader.start();
        if (!options.receiveTimeout().isZero() || source instanceof AutoBaudSource) {
            Thread watchdog = new Thread(this::watchLoop, "p1-watchdog-" + source.describe());
            watchdog.setDaemon(true);
            watchdogThread = watchdog;
            watchdog.start();
        }
    }

    /**
     * Stops reading, closes the source, tells listeners {@link ConnectionState#STOPPED}, delivers what they still
     * have queued (bounded wait) and joins all threads. Idempotent.
     */
    public void stop() {
        Thread reader;
        Thread watchdog;
        synchronized (this) {
            if (!running) {
                closeListeners();
                return;
            }
            running = false;
            reader = readerThread;
            watchdog = watchdogThread;
        }
        synchronized (connectionLock) {
            source.close();
        }
        synchronized (sleepLock) {
            sleepLock.notifyAll();
        }
        join(watchdog);
        join(reader);
        state(ConnectionState.STOPPED, "stopped");
        closeListeners();
    }

    private void join(@Nullable Thread t) {
        if (t == null || t.equals(Thread.currentThread())) {
            return;
        }
        try {
            t.join(THREAD_JOIN_MS);
            if (t.isAlive()) {
                t.interrupt();
                t.join(THREAD_JOIN_MS);
            }
            if (t.isAlive()) {
                logger.warn("Thread {} did not stop", t.getName());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeListeners() {
        for (Delivery q : listeners) {
            q.close(LISTENER_CLOSE_WAIT_MS);
        }
        listeners.clear();
    }

    public boolean isRunning() {
        return running;
    }

    @Override
    public void addListener(P1Listener listener) {
        String name;
        synchronized (this) {
            if (started && !running) {
                return; // stopped for good: a delivery thread would wait forever
            }
            name = "p1-listener-" + source.describe() + "-" + (++listenerCount);
        }
        listeners.add(listener instanceof DirectListener direct ? new DirectDelivery(direct)
                : new ListenerQueue(listener, options.consumerLimits(), dropped, name));
    }

    @Override
    public void removeListener(P1Listener listener) {
        for (Delivery q : listeners) {
            if (q.listener().equals(listener)) {
                listeners.remove(q);
                q.close(LISTENER_CLOSE_WAIT_MS);
            }
        }
    }

    @Override
    public @Nullable P1Telegram lastTelegram() {
        return lastTelegram;
    }

    @Override
    public FeedStatus status() {
        FeedStatus c = connection;
        return new FeedStatus(c.state(), c.message(), c.sinceMillis(), lastTelegramMillis);
    }

    public ReaderStats stats() {
        Map<Rejection.Reason, Long> byReason = new EnumMap<>(Rejection.Reason.class);
        rejected.forEach((reason, n) -> {
            long v = n.get();
            if (v > 0) {
                byReason.put(reason, v);
            }
        });
        return new ReaderStats(telegrams.get(), Map.copyOf(byReason), dropped.get(), bytes.get(), connects.get());
    }

    /** Time the reader spent waiting for consumers that were behind, since it started. */
    public Duration pacingTime() {
        return Duration.ofNanos(pacingNanos.get());
    }

    private void publish(Consumer<P1Listener> event) {
        publish(event, SMALL_EVENT_WEIGHT);
    }

    private void publish(Consumer<P1Listener> event, long weight) {
        for (Delivery q : listeners) {
            q.offer(event, weight);
        }
    }

    private void state(ConnectionState state, String message) {
        connection = new FeedStatus(state, message, System.currentTimeMillis(), 0);
        publish(l -> l.onConnectionState(state, message));
    }

    /**
     * Reader thread, source that can wait: returns once no listener is behind (or the reader stops). Polls with a
     * park that grows to {@value #MAX_PACING_PARK_NANOS} ns: a consumer that is behind has at least the high-water
     * mark to work through, far more than that takes. Costs one look per listener per read when nobody is behind.
     */
    private void awaitConsumers() {
        if (!anyBehind()) {
            return;
        }
        long start = System.nanoTime();
        pacing = true;
        try {
            long park = 20_000;
            while (running && anyBehind()) {
                LockSupport.parkNanos(park);
                park = Math.min(park * 2, MAX_PACING_PARK_NANOS);
            }
        } finally {
            long waited = System.nanoTime() - start;
            lastValidNanos += waited; // waiting for consumers is no silence of the source
            pacing = false;
            pacingNanos.addAndGet(waited);
        }
    }

    private boolean anyBehind() {
        for (Delivery q : listeners) {
            if (q.behind()) {
                return true;
            }
        }
        return false;
    }

    // ---- reader thread

    private void readLoop() {
        long backoffMs = options.minBackoff().toMillis();
        String lastFailure = "";
        while (running) {
            state(ConnectionState.CONNECTING, "opening " + source.describe());
            InputStream in;
            try {
                in = source.open();
            } catch (IOException | RuntimeException e) {
                source.close();
                if (!running) {
                    break;
                }
                String why = message(e);
                boolean absent = e instanceof SourceAbsentException;
                if (why.equals(lastFailure)) {
                    logger.debug("Cannot open {}: {}", source.describe(), why);
                } else if (absent) {
                    logger.warn("{}: {}; watching for it, reading starts as soon as it appears", source.describe(),
                            why);
                } else {
                    logger.warn("Cannot open {}: {}; retrying with backoff", source.describe(), why);
                }
                lastFailure = why;
                state(ConnectionState.DISCONNECTED, why);
                if (absent) {
                    sleep(options.minBackoff().toMillis()); // looking for a device costs nothing: notice it at once
                    continue;
                }
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, options.maxBackoff().toMillis());
                continue;
            }
            synchronized (connectionLock) {
                if (!running) {
                    source.close();
                    break;
                }
                open = true;
                watchdogReason = null;
                watchdogSwitchSettings = false;
                long now = System.nanoTime();
                openedAtNanos = now;
                lastValidNanos = now;
                rejectionsSinceOpen = 0;
                validSinceOpen = false;
            }
            connects.incrementAndGet();
            lastFailure = "";
            logger.debug("Opened {}", source.describe());
            state(ConnectionState.CONNECTED, "connected to " + source.describe());

            String why = readUntilLost(in);

            String watchdog;
            boolean switchSettings;
            synchronized (connectionLock) {
                open = false;
                source.close();
                watchdog = watchdogReason;
                switchSettings = watchdogSwitchSettings;
            }
            if (!running) {
                break;
            }
            if (validSinceOpen) {
                backoffMs = options.minBackoff().toMillis();
            }
            if (switchSettings && source instanceof AutoBaudSource auto) {
                String settings = auto.nextLineSettings();
                logger.info("No valid telegram from {}: trying {}", source.describe(), settings);
                sleep(options.minBackoff().toMillis()); // a settings switch is no failure: no growing backoff
                continue;
            }
            if (watchdog != null) {
                logger.warn("{}: {}", source.describe(), watchdog);
                state(ConnectionState.NO_DATA, watchdog);
            } else {
                logger.warn("Lost {}: {}; reconnecting", source.describe(), why);
                state(ConnectionState.DISCONNECTED, why);
            }
            sleep(backoffMs);
            if (!validSinceOpen) {
                backoffMs = Math.min(backoffMs * 2, options.maxBackoff().toMillis());
            }
        }
        logger.debug("Reader for {} stopped", source.describe());
    }

    /** Reads and decodes until the stream ends or fails; returns why. */
    private String readUntilLost(InputStream in) {
        TelegramDecoder decoder = new TelegramDecoder(decoderConfig, new TelegramDecoder.Sink() {
            @Override
            public void telegram(P1Telegram telegram) {
                onTelegram(telegram);
            }

            @Override
            public void rejected(Rejection rejection) {
                onRejected(rejection);
            }
        });
        byte[] buffer = new byte[READ_BUFFER];
        boolean canWait = source.canWait();
        String why;
        try {
            while (true) {
                if (canWait) {
                    awaitConsumers();
                }
                int n = in.read(buffer);
                if (n < 0) {
                    why = "end of stream";
                    break;
                }
                if (n > 0) {
                    bytes.addAndGet(n);
                    decoder.feed(buffer, 0, n);
                    for (Delivery q : listeners) {
                        q.endOfBatch();
                    }
                }
            }
        } catch (IOException e) {
            why = message(e);
        } catch (RuntimeException e) {
            // the decoder must never throw; if it does, log it loudly and start over with a fresh one
            logger.error("Unexpected failure reading {}", source.describe(), e);
            why = "internal error: " + e;
        }
        if (running) {
            try {
                decoder.endOfInput(); // reports a telegram cut off by the loss as TRUNCATED
            } catch (RuntimeException e) {
                logger.error("Unexpected failure at end of input of {}", source.describe(), e);
            }
        }
        return why;
    }

    private void onTelegram(P1Telegram telegram) {
        lastValidNanos = System.nanoTime();
        validSinceOpen = true;
        lastTelegram = telegram;
        lastTelegramMillis = System.currentTimeMillis();
        telegrams.incrementAndGet();
        publish(l -> l.onTelegram(telegram), (long) telegram.raw().length * PARSED_WEIGHT_FACTOR);
        long now = System.currentTimeMillis();
        UsageChange power = usage.power(telegram, now);
        if (power != null) {
            publish(l -> l.onUsageChange(power));
        }
        UsageTracker.GasReading gas = usage.gas(telegram, now);
        if (gas != null) {
            publish(l -> l.onGasUsage(gas.change()));
        }
    }

    private void onRejected(Rejection rejection) {
        rejected.get(rejection.reason()).incrementAndGet();
        rejectionsSinceOpen++;
        logger.debug("Rejected from {}: {}", source.describe(), rejection.message());
        publish(l -> l.onRejected(rejection));
        if (!validSinceOpen && rejectionsSinceOpen >= GARBAGE_REJECTIONS_BEFORE_SWITCH
                && source instanceof AutoBaudSource) {
            closeByWatchdog("only garbage received", true);
        }
    }

    private void sleep(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (sleepLock) {
            while (running) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    sleepLock.wait(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // ---- watchdog thread

    /**
     * Sleeps until the next moment something can be due (the receive timeout counted from the last valid telegram,
     * or the end of an auto-baud probe window), not on a fixed tick: with a telegram a second and a 60 s timeout it
     * wakes about once a minute.
     */
    private void watchLoop() {
        long timeoutNanos = options.receiveTimeout().toNanos();
        long probeNanos = source instanceof AutoBaudSource auto ? auto.probeWindow().toNanos() : 0;
        // how soon to look again when something is due but cannot be acted on yet (reconnecting, waiting for
        // consumers)
        long quarterTimeoutMs = timeoutNanos > 0 ? timeoutNanos / 4_000_000 : 1000;
        long quarterProbeMs = probeNanos > 0 ? probeNanos / 4_000_000 : 1000;
        long retryNanos = TimeUnit.MILLISECONDS
                .toNanos(Math.max(50, Math.min(1000, Math.min(quarterTimeoutMs, quarterProbeMs))));
        while (running) {
            long wait = check(System.nanoTime(), timeoutNanos, probeNanos, retryNanos);
            sleep(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait) + 1));
        }
    }

    /**
     * Closes the connection if the watchdog is due; returns how long until it should look again. Decided under the
     * connection lock, so that times read before a connection was opened are never held against it.
     */
    private long check(long now, long timeoutNanos, long probeNanos, long retryNanos) {
        synchronized (connectionLock) {
            if (!open || watchdogReason != null) {
                return retryNanos; // nothing open to watch (yet): look again soon
            }
            long next = Long.MAX_VALUE;
            if (probeNanos > 0 && !validSinceOpen) {
                long left = openedAtNanos + probeNanos - now;
                if (left <= 0) {
                    closeByWatchdog("no valid telegram within " + Duration.ofNanos(probeNanos).toSeconds() + " s",
                            true);
                    return retryNanos;
                }
                next = left;
            }
            if (timeoutNanos > 0) {
                if (pacing) {
                    return Math.min(next, retryNanos);
                }
                long left = lastValidNanos + timeoutNanos - now;
                if (left <= 0) {
                    closeByWatchdog("no valid telegram for " + options.receiveTimeout().toSeconds() + " s", false);
                    return retryNanos;
                }
                next = Math.min(next, left);
            }
            return next == Long.MAX_VALUE ? retryNanos : next;
        }
    }

    private void closeByWatchdog(String reason, boolean switchSettings) {
        synchronized (connectionLock) {
            if (!open || watchdogReason != null) {
                return;
            }
            watchdogReason = reason;
            watchdogSwitchSettings = switchSettings;
            source.close(); // unblocks the reader thread's read
        }
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
