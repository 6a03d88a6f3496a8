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

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhab.binding.p1meter.internal.reader.TestTelegrams.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;

/**
 * The reader against real loopback sockets and hand-made sources: reconnects, watchdog, auto-baud, listener
 * isolation and drop-oldest.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class P1ReaderTest {

    /** The smallest backlog limit: one telegram event alone passes it. */
    private static final ConsumerLimits TINY_BACKLOG = new ConsumerLimits(Duration.ofSeconds(30), 1024);
    private static final ReaderOptions FAST = new ReaderOptions(Duration.ZERO, Duration.ofMillis(50),
            Duration.ofMillis(400), ConsumerLimits.defaults());

    private final List<P1Reader> readers = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (P1Reader r : readers) {
            r.stop();
        }
        for (AutoCloseable c : closeables) {
            c.close();
        }
    }

    private P1Reader reader(P1Source source, ReaderOptions options) {
        P1Reader r = new P1Reader(source, DecoderConfig.plaintext(), options);
        readers.add(r);
        return r;
    }

    /** Everything a listener hears, as text, in order. */
    static final class Recorder implements P1Listener {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<P1Telegram> telegrams = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onTelegram(P1Telegram telegram) {
            telegrams.add(telegram);
            events.add("telegram " + telegram.header());
        }

        @Override
        public void onRejected(Rejection rejection) {
            events.add("rejected " + rejection.reason());
        }

        @Override
        public void onUsageChange(UsageChange change) {
            events.add("usage " + change.message());
        }

        @Override
        public void onGasUsage(UsageChange change) {
            events.add("gas " + change.message());
        }

        @Override
        public void onConnectionState(ConnectionState state, String message) {
            events.add("state " + state);
        }

        /** Waits for an event starting with the prefix, skipping others; fails after the timeout. */
        String await(String prefix, long millis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + millis;
            while (true) {
                long left = deadline - System.currentTimeMillis();
                String e = left > 0 ? events.poll(left, TimeUnit.MILLISECONDS) : null;
                if (e == null) {
                    throw new AssertionError("no event '" + prefix + "' within " + millis + " ms");
                }
                if (e.startsWith(prefix)) {
                    return e;
                }
            }
        }
    }

    @Test
    void readsTelegramsFromTcpAndReconnectsAfterTheDongleRestarts() throws Exception {
        FakeDongle dongle = new FakeDongle(0);
        int port = dongle.port();
        P1Reader reader = reader(new TcpSource("127.0.0.1", port, Duration.ofSeconds(2), Duration.ZERO), FAST);
        Recorder rec = new Recorder();
        reader.addListener(rec);
        assertThat(reader.status()).isEqualTo(FeedStatus.UNKNOWN);
        long started = System.currentTimeMillis();
        reader.start();

        Socket client = dongle.nextClient();
        rec.await("state CONNECTED", 5000);
        assertThat(reader.status().state()).isEqualTo(ConnectionState.CONNECTED);
        assertThat(reader.status().message()).contains("127.0.0.1:" + port);
        assertThat(reader.status().lastTelegramMillis()).as("no telegram yet").isZero();
        OutputStream out = client.getOutputStream();
        out.write(bytes(KAIFA));
        out.flush();
        assertThat(rec.await("telegram", 5000)).isEqualTo("telegram " + header(KAIFA));
        assertThat(reader.status().lastTelegramMillis()).isBetween(started, System.currentTimeMillis());
        // KAIFA: 1-0:1.7.0(00.329*kW), 1-0:2.7.0(00.000*kW): from 0 W to 329 W
        assertThat(rec.await("usage", 5000)).isEqualTo("usage Usage increased +329 to 329");

        // the dongle goes away: its server and the connection close
        client.close();
        dongle.close();
        rec.await("state DISCONNECTED", 5000);
        rec.await("state DISCONNECTED", 5000); // and a reconnect attempt fails: nobody listens
        assertThat(reader.isRunning()).isTrue();
        // a page that opens now learns that the source is lost, and why, without waiting for the next change
        FeedStatus lost = reader.status();
        assertThat(lost.state()).isIn(ConnectionState.DISCONNECTED, ConnectionState.CONNECTING);
        Await.until(Duration.ofSeconds(5), () -> reader.status().state() == ConnectionState.DISCONNECTED
                && reader.status().message().contains("cannot connect"));
        assertThat(reader.status().lastTelegramMillis()).as("the last telegram's arrival is kept")
                .isGreaterThanOrEqualTo(started);

        // it comes back on the same port; the reader finds it by itself
        FakeDongle again = new FakeDongle(port);
        closeables.add(again);
        Socket client2 = again.nextClient();
        rec.await("state CONNECTED", 5000);
        client2.getOutputStream().write(bytes(ISKRA));
        client2.getOutputStream().flush();
        assertThat(rec.await("telegram", 5000)).isEqualTo("telegram " + header(ISKRA));
        assertThat(reader.stats().connects()).isEqualTo(2);
        assertThat(reader.stats().telegrams()).isEqualTo(2);
        assertThat(reader.lastTelegram()).isNotNull();
        assertThat(reader.lastTelegram().header()).isEqualTo(header(ISKRA));
        client2.close();
    }

    @Test
    void garbageAndBadTelegramsAreCountedByReasonAndGoodOnesStillArrive() throws Exception {
        byte[] stream = concat("noise\r\n".getBytes(StandardCharsets.US_ASCII), bytes(BAD_CRC), bytes(KAIFA),
                "\u0000\u00ff garbage".getBytes(StandardCharsets.ISO_8859_1), bytes(LANDIS));
        P1Reader reader = reader(new BytesSource(stream), FAST);
        Recorder rec = new Recorder();
        reader.addListener(rec);
        reader.start();
        assertThat(rec.await("rejected", 5000)).isEqualTo("rejected CRC_MISMATCH");
        assertThat(rec.await("telegram", 5000)).isEqualTo("telegram " + header(KAIFA));
        assertThat(rec.await("telegram", 5000)).isEqualTo("telegram " + header(LANDIS));
        Await.until(Duration.ofSeconds(5), () -> reader.stats().telegrams() == 2);
        assertThat(reader.stats().rejected()).containsEntry(Rejection.Reason.CRC_MISMATCH, 1L);
    }

    @Test
    void slowListenerDoesNotDelayOthers() throws Exception {
        int n = 30;
        byte[][] parts = new byte[n][];
        for (int i = 0; i < n; i++) {
            parts[i] = bytes(i % 2 == 0 ? KAIFA : ISKRA);
        }
        P1Reader reader = reader(new BytesSource(concat(parts)), FAST);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowSeen = new AtomicInteger();
        reader.addListener(new P1Listener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                slowSeen.incrementAndGet();
                try {
                    release.await(20, TimeUnit.SECONDS); // stuck, as a listener on a dead peer would be
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        reader.addListener(new P1Listener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                throw new IllegalStateException("a listener that always fails");
            }
        });
        Recorder fast = new Recorder();
        reader.addListener(fast);
        long t0 = System.nanoTime();
        reader.start();
        Await.until(Duration.ofSeconds(5), () -> fast.telegrams.size() == n);
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(elapsedMs).isLessThan(5000);
        assertThat(slowSeen.get()).isEqualTo(1);
        for (int i = 0; i < n; i++) {
            assertThat(fast.telegrams.get(i).header()).isEqualTo(header(i % 2 == 0 ? KAIFA : ISKRA));
        }
        release.countDown();
    }

    @Test
    void directListenerRunsOnTheReaderThreadInOrderAndItsFailuresHarmNobody() throws Exception {
        int n = 10;
        byte[][] parts = new byte[n][];
        for (int i = 0; i < n; i++) {
            parts[i] = bytes(i % 2 == 0 ? KAIFA : ISKRA);
        }
        P1Reader reader = reader(new BytesSource(concat(parts)), FAST.withConsumerLimits(TINY_BACKLOG));
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> headers = new java.util.concurrent.CopyOnWriteArrayList<>();
        reader.addListener(new DirectListener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                throw new IllegalStateException("a direct listener that always fails");
            }
        });
        reader.addListener(new DirectListener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                threads.add(Thread.currentThread().getName());
                headers.add(telegram.header());
            }
        });
        Recorder queued = new Recorder();
        reader.addListener(queued);
        reader.start();
        Await.until(Duration.ofSeconds(5), () -> headers.size() == n);
        // called in place: never dropped, however small the queues, on the thread that reads the source
        for (int i = 0; i < n; i++) {
            assertThat(headers.get(i)).isEqualTo(header(i % 2 == 0 ? KAIFA : ISKRA));
        }
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("p1-reader-"));
        // the queued listener, with room for one event, keeps the newest and still hears from the reader
        Await.until(Duration.ofSeconds(5), () -> !queued.events.isEmpty());
    }

    @Test
    void pastItsBacklogLimitAListenerSkipsItsOldestEventsAndTheyAreCounted() throws Exception {
        int n = 20;
        byte[][] parts = new byte[n][];
        for (int i = 0; i < n; i++) {
            parts[i] = bytes(KAIFA);
        }
        CountDownLatch listenerHeld = new CountDownLatch(1);
        BytesSource source = new BytesSource(concat(parts), listenerHeld);
        P1Reader reader = reader(source, FAST.withConsumerLimits(TINY_BACKLOG));
        CountDownLatch release = new CountDownLatch(1);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        reader.addListener(new P1Listener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                seen.add("telegram");
            }

            @Override
            public void onUsageChange(UsageChange change) {
                seen.add("usage");
            }

            @Override
            public void onConnectionState(ConnectionState state, String message) {
                seen.add("state " + state);
                if (state == ConnectionState.CONNECTING) {
                    listenerHeld.countDown(); // only now does the source hand out its bytes
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
        reader.start();
        // held in CONNECTING, then offered CONNECTED, telegram 1, usage (0 -> 329 W), gas usage (the first gas
        // reading, as smartmeter2mqtt reports it), telegrams 2..n: n + 3 events, each telegram alone past the 1 KB
        // limit (its raw bytes and readings), so only the newest stays and n + 2 are skipped, oldest first (a
        // serial-like source: the reader never waits for the listener)
        Await.until(Duration.ofSeconds(5),
                () -> reader.stats().telegrams() == n && reader.stats().droppedEvents() == n + 2);
        Thread.sleep(100);
        assertThat(reader.stats().droppedEvents()).isEqualTo(n + 2);
        release.countDown();
        Await.until(Duration.ofSeconds(5), () -> seen.size() == 2);
        assertThat(seen).containsExactly("state CONNECTING", "telegram");
    }

    @Test
    void receiveTimeoutClosesAQuietSourceAndReconnects() throws Exception {
        BytesSource quiet = new BytesSource(new byte[0]);
        P1Reader reader = reader(quiet, FAST.withReceiveTimeout(Duration.ofMillis(300)));
        Recorder rec = new Recorder();
        reader.addListener(rec);
        reader.start();
        rec.await("state CONNECTED", 5000);
        rec.await("state NO_DATA", 3000);
        rec.await("state CONNECTED", 3000);
        assertThat(quiet.opens.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void autoBaudSourceIsSwitchedUntilTelegramsComeThrough() throws Exception {
        SwitchingSource source = new SwitchingSource();
        P1Reader reader = reader(source, FAST);
        Recorder rec = new Recorder();
        reader.addListener(rec);
        reader.start();
        assertThat(rec.await("telegram", 5000)).isEqualTo("telegram " + header(KAIFA));
        assertThat(source.switches.get()).isEqualTo(1);
    }

    @Test
    void simulatedMeterTelegramsAreValidAndItsCountersOnlyIncrease() throws Exception {
        SimulatedMeter meter = new SimulatedMeter(Instant.parse("2025-06-14T02:00:00Z"), Duration.ZERO,
                Duration.ofMinutes(2), 42);
        P1Reader reader = reader(meter, FAST);
        Recorder rec = new Recorder();
        reader.addListener(rec);
        reader.start();
        int day = 24 * 30; // a whole day in 2-minute steps
        Await.until(Duration.ofSeconds(20), () -> rec.telegrams.size() >= day);
        reader.stop();
        assertThat(reader.stats().rejectedTotal()).isZero();
        List<P1Telegram> ts = rec.telegrams;
        boolean exported = false;
        boolean imported = false;
        for (int i = 0; i < day; i++) {
            P1Telegram t = ts.get(i);
            assertThat(t.crcChecked()).isTrue();
            assertThat(t.mbus(org.openhab.binding.p1meter.internal.dsmr.MBusDevice.Kind.GAS)).isNotNull();
            assertThat(t.mbus(org.openhab.binding.p1meter.internal.dsmr.MBusDevice.Kind.WATER)).isNotNull();
            double phases = 0;
            for (var q : List.of(org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_IMPORT_L1,
                    org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_IMPORT_L2,
                    org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_IMPORT_L3)) {
                phases += t.get(q);
            }
            for (var q : List.of(org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_EXPORT_L1,
                    org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_EXPORT_L2,
                    org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_EXPORT_L3)) {
                phases -= t.get(q);
            }
            assertThat(Math.round(phases * 1000)).as("phases add up").isEqualTo((long) t.netPowerWatts());
            exported |= t.netPowerWatts() < -500;
            imported |= t.netPowerWatts() > 500;
            if (i > 0) {
                P1Telegram p = ts.get(i - 1);
                for (var q : List.of(org.openhab.binding.p1meter.internal.dsmr.Quantity.ENERGY_IMPORT_T1,
                        org.openhab.binding.p1meter.internal.dsmr.Quantity.ENERGY_IMPORT_T2,
                        org.openhab.binding.p1meter.internal.dsmr.Quantity.ENERGY_EXPORT_T1,
                        org.openhab.binding.p1meter.internal.dsmr.Quantity.ENERGY_EXPORT_T2)) {
                    assertThat(t.get(q)).as(q + " only increases").isGreaterThanOrEqualTo(p.get(q));
                }
                assertThat(t.mbus(org.openhab.binding.p1meter.internal.dsmr.MBusDevice.Kind.GAS).value())
                        .isGreaterThanOrEqualTo(
                                p.mbus(org.openhab.binding.p1meter.internal.dsmr.MBusDevice.Kind.GAS).value());
                assertThat(t.timestamp()).isAfter(p.timestamp());
            }
        }
        assertThat(exported).as("solar export at midday").isTrue();
        assertThat(imported).as("evening peak").isTrue();
    }

    @Test
    void stopIsIdempotentAndEndsEveryThread() throws Exception {
        P1Reader reader = reader(new SimulatedMeter(), FAST.withReceiveTimeout(Duration.ofSeconds(5)));
        Recorder rec = new Recorder();
        reader.addListener(rec);
        reader.start();
        rec.await("telegram", 5000);
        reader.stop();
        reader.stop();
        assertThat(rec.await("state STOPPED", 2000)).isEqualTo("state STOPPED");
        Thread.getAllStackTraces().keySet().forEach(t -> assertThat(t.getName()).doesNotStartWith("p1-reader-simulated")
                .doesNotStartWith("p1-watchdog-simulated"));
    }

    /** Gives its bytes once, then stays open and quiet until closed; later opens are quiet from the start. */
    static final class BytesSource implements P1Source {
        private final byte[] data;
        final AtomicInteger opens = new AtomicInteger();
        private final @Nullable CountDownLatch gate;
        private @Nullable QuietStream quiet;

        BytesSource(byte[] data) {
            this(data, null);
        }

        /** @param gate open() waits for it, so a test can set the stage first */
        BytesSource(byte[] data, @Nullable CountDownLatch gate) {
            this.data = data;
            this.gate = gate;
        }

        @Override
        public InputStream open() throws IOException {
            CountDownLatch g = gate;
            if (g != null) {
                try {
                    g.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
            }
            return openNow();
        }

        private synchronized InputStream openNow() {
            QuietStream q = new QuietStream();
            quiet = q;
            return opens.getAndIncrement() == 0 ? new SequenceInputStream(new ByteArrayInputStream(data), q) : q;
        }

        @Override
        public synchronized void close() {
            QuietStream q = quiet;
            if (q != null) {
                q.close();
            }
        }

        @Override
        public String describe() {
            return "bytes";
        }
    }

    /** Blocks on read until closed, like a port with nothing on the line. */
    static final class QuietStream extends InputStream {
        private boolean closed;

        @Override
        public synchronized int read() throws IOException {
            while (!closed) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new IOException("interrupted");
                }
            }
            throw new IOException("closed");
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            return len == 0 ? 0 : b.length == 0 ? 0 : readOne(b, off);
        }

        private int readOne(byte[] b, int off) throws IOException {
            int c = read();
            b[off] = (byte) c;
            return 1;
        }

        @Override
        public synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    /** Sends line noise until its settings are switched, then good telegrams: a meter at the other baud rate. */
    static final class SwitchingSource implements AutoBaudSource {
        final AtomicInteger switches = new AtomicInteger();
        private @Nullable QuietStream quiet;

        @Override
        public Duration probeWindow() {
            return Duration.ofSeconds(10);
        }

        @Override
        public String nextLineSettings() {
            switches.incrementAndGet();
            return "the other one";
        }

        @Override
        public synchronized InputStream open() {
            QuietStream q = new QuietStream();
            quiet = q;
            byte[] noise;
            if (switches.get() == 0) {
                // what a 115200 meter looks like when read at 9600: broken bytes, now and then a '/'
                byte[] chunk = "/\u00e6\u0098x\u00fe\u0000\u00e0/\u0086\u0080\u00f8"
                        .getBytes(StandardCharsets.ISO_8859_1);
                byte[][] many = new byte[4000][];
                for (int i = 0; i < many.length; i++) {
                    many[i] = chunk;
                }
                noise = concat(many);
            } else {
                noise = concat(bytes(KAIFA), bytes(KAIFA));
            }
            return new SequenceInputStream(new ByteArrayInputStream(noise), q);
        }

        @Override
        public synchronized void close() {
            QuietStream q = quiet;
            if (q != null) {
                q.close();
            }
        }

        @Override
        public String describe() {
            return "switching";
        }
    }
}
