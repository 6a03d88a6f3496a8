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
package org.openhab.binding.p1meter.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.p1meter.internal.dsmr.Crc16;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutput;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutputConfig;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.TcpSource;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * End-to-end latency of the MQTT path: from the last byte of a telegram written to a loopback TCP socket (the
 * "meter", read by a {@link P1Reader} through a {@link TcpSource}) to the {@code smartmeter/status/energy}
 * message at a Paho subscriber of a broker on loopback. smartmeter2mqtt waits for 100 ms of silence before it
 * parses a telegram; this pipeline parses as soon as the CRC line is complete.
 *
 * <p>
 * Run: {@code benchmarks/run org.openhab.binding.p1meter.benchmarks.MqttLatencyBenchmark
 * [slow-count] [fast-count] [broker host:port|embedded] [qos]}. Defaults: 200 telegrams at 1/s, 1000 at 100/s, an
 * embedded
 * Moquette broker (give host:port to measure against mosquitto instead), QoS 1. Every telegram is a DSMR 5.0
 * three-phase telegram with gas (an Iskra AM550's, with a sequence number in its power value and a fresh CRC).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MqttLatencyBenchmark {

    private MqttLatencyBenchmark() {
    }

    /** Telegram number {@code seq} (1..99999): its import power is seq/1000 kW, so the reading names it. */
    static byte[] telegram(int seq) {
        String power = String.format(Locale.ROOT, "%06.3f", seq / 1000.0);
        byte[] body = BenchmarkTelegrams.withImportPower(power).getBytes(StandardCharsets.ISO_8859_1);
        String crc = String.format(Locale.ROOT, "%04X\r\n", Crc16.compute(body, 0, body.length));
        byte[] out = Arrays.copyOf(body, body.length + crc.length());
        System.arraycopy(crc.getBytes(StandardCharsets.ISO_8859_1), 0, out, body.length, crc.length());
        return out;
    }

    /** The sequence number in a reading: {@code "currentUsage":0.042} is 42. */
    static int sequenceOf(String json) {
        int i = json.indexOf("\"currentUsage\":");
        if (i < 0) {
            return -1;
        }
        int start = i + "\"currentUsage\":".length();
        int end = start;
        while (end < json.length() && "0123456789.".indexOf(json.charAt(end)) >= 0) {
            end++;
        }
        return (int) Math.round(Double.parseDouble(json.substring(start, end)) * 1000);
    }

    public static void main(String[] args) throws Exception {
        int slowCount = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int fastCount = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        @Nullable
        String externalBroker = args.length > 2 && !"embedded".equals(args[2]) ? args[2] : null;
        int qos = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        int warmup = 200;
        int total = warmup + slowCount + fastCount;
        if (total > 99_999) {
            throw new IllegalArgumentException("at most 99999 telegrams");
        }

        @Nullable
        Server moquette = null;
        String brokerHostPort;
        if (externalBroker == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            int port = freePort();
            Properties p = new Properties();
            p.setProperty("host", "127.0.0.1");
            p.setProperty("port", Integer.toString(port));
            p.setProperty("websocket_port", "disabled");
            p.setProperty("allow_anonymous", "true");
            p.setProperty("persistence_enabled", "false");
            p.setProperty("telemetry_enabled", "false");
            moquette = new Server();
            moquette.startServer(new MemoryConfig(p));
            brokerHostPort = "127.0.0.1:" + port;
        } else {
            brokerHostPort = externalBroker;
        }

        AtomicLongArray sent = new AtomicLongArray(total + 1);
        AtomicLongArray received = new AtomicLongArray(total + 1);
        AtomicLongArray parsed = new AtomicLongArray(total + 1);
        CountDownLatch[] done = { new CountDownLatch(1) };
        int[] waitingFor = { 0 };

        MqttClient subscriber = new MqttClient("tcp://" + brokerHostPort, "p1bench-sub", new MemoryPersistence());
        MqttConnectOptions so = new MqttConnectOptions();
        so.setCleanSession(true);
        subscriber.connect(so);
        subscriber.subscribe("smartmeter/status/energy", 1, (topic, message) -> {
            long now = System.nanoTime();
            int seq = sequenceOf(new String(message.getPayload(), StandardCharsets.UTF_8));
            if (seq > 0 && seq <= total && received.get(seq) == 0) {
                received.set(seq, now);
                synchronized (waitingFor) {
                    if (seq == waitingFor[0]) {
                        done[0].countDown();
                    }
                }
            }
        });

        try (ServerSocket meter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            P1Reader reader = new P1Reader(
                    new TcpSource("127.0.0.1", meter.getLocalPort(), Duration.ofSeconds(5), Duration.ZERO),
                    DecoderConfig.plaintext(), ReaderOptions.defaults().withReceiveTimeout(Duration.ZERO));
            MqttOutput output = new MqttOutput(MqttOutputConfig.of("mqtt://" + brokerHostPort, null, null,
                    "p1bench-pub", null, qos, true, false, null, false, null));
            output.start(reader);
            // a second listener, on a delivery thread of its own like the output's: when the telegram is parsed
            reader.addListener(new P1Listener() {
                @Override
                public void onTelegram(P1Telegram telegram) {
                    long now = System.nanoTime();
                    int seq = (int) Math.round(telegram.get(Quantity.POWER_IMPORT) * 1000);
                    if (seq > 0 && seq <= total) {
                        parsed.set(seq, now);
                    }
                }
            });
            reader.start();
            try (Socket s = meter.accept()) {
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                int seq = 1;
                seq = run(out, sent, seq, warmup, 100, done, waitingFor, "warm-up");
                int slowStart = seq;
                seq = run(out, sent, seq, slowCount, 1, done, waitingFor, "1/s");
                int fastStart = seq;
                seq = run(out, sent, seq, fastCount, 100, done, waitingFor, "100/s");
                report("1 telegram/s", sent, received, slowStart, fastStart);
                report("  of which parse", sent, parsed, slowStart, fastStart);
                report("100 telegrams/s", sent, received, fastStart, seq);
                report("  of which parse", sent, parsed, fastStart, seq);
            } finally {
                output.close();
                reader.stop();
            }
        } finally {
            subscriber.disconnect(1000);
            subscriber.close(true);
            if (moquette != null) {
                moquette.stopServer();
            }
        }
        System.exit(0);
    }

    private static int run(OutputStream out, AtomicLongArray sent, int firstSeq, int count, int perSecond,
            CountDownLatch[] done, int[] waitingFor, String label) throws IOException, InterruptedException {
        if (count == 0) {
            return firstSeq;
        }
        System.err.printf(Locale.ROOT, "%s: %d telegrams%n", label, count);
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long start = System.nanoTime();
        int seq = firstSeq;
        for (int i = 0; i < count; i++, seq++) {
            byte[] t = telegram(seq);
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.sleep(Math.min(wait, 5_000_000L));
            }
            out.write(t);
            out.flush();
            sent.set(seq, System.nanoTime()); // the last byte is with the kernel now
        }
        // wait for the last one (or give up after 10 s: it counts as lost)
        CountDownLatch latch;
        synchronized (waitingFor) {
            waitingFor[0] = seq - 1;
            latch = new CountDownLatch(1);
            done[0] = latch;
        }
        latch.await(10, TimeUnit.SECONDS);
        Thread.sleep(200);
        return seq;
    }

    private static void report(String label, AtomicLongArray sent, AtomicLongArray received, int from, int to) {
        long[] micros = new long[to - from];
        int n = 0;
        int lost = 0;
        StringBuilder lostList = new StringBuilder();
        for (int seq = from; seq < to; seq++) {
            long s = sent.get(seq);
            long r = received.get(seq);
            if (r == 0) {
                lost++;
                if (lostList.length() < 200) {
                    lostList.append(' ').append(seq - from);
                }
            } else {
                // the write timestamp is taken after write() returns, so a fast path may land first
                micros[n++] = Math.max(0, (r - s) / 1000);
            }
        }
        long[] m = Arrays.copyOf(micros, n);
        Arrays.sort(m);
        System.out.printf(Locale.ROOT, "%-16s n=%d lost=%d  median=%.2f ms  p90=%.2f ms  p99=%.2f ms  max=%.2f ms%n",
                label, n, lost, percentile(m, 50) / 1000.0, percentile(m, 90) / 1000.0, percentile(m, 99) / 1000.0,
                n == 0 ? Double.NaN : m[n - 1] / 1000.0);
        if (lost > 0 && !label.startsWith(" ")) {
            // newer readings replace one still waiting for the broker: by design, the newest reading wins
            System.out.println("  superseded before sending (index in run):" + lostList);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
