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
package org.openhab.binding.p1meter.internal.output.tcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhab.binding.p1meter.internal.reader.TestTelegrams.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.reader.FakeDongle;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.TcpSource;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The raw and JSON TCP servers end to end on loopback: a fake dongle sends a stream with garbage, a corrupt and
 * a truncated telegram; a reader decodes it; clients receive exactly the valid telegrams.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TcpServersTest {

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        cleanup.add(s);
        return s;
    }

    private static BufferedReader lines(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    @Test
    void clientsReceiveExactlyTheValidTelegramsInOrder() throws Exception {
        FakeDongle dongle = new FakeDongle(0);
        cleanup.add(dongle);
        P1Reader reader = new P1Reader(new TcpSource("127.0.0.1", dongle.port(), Duration.ofSeconds(2), Duration.ZERO),
                DecoderConfig.plaintext(), ReaderOptions.defaults());
        cleanup.add(reader::stop);
        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3);
        RawTcpServer raw = new RawTcpServer("127.0.0.1", 0, 3);
        json.start(reader);
        raw.start(reader);
        cleanup.add(json);
        cleanup.add(raw);
        reader.start();
        Socket meter = dongle.nextClient();
        OutputStream toReader = meter.getOutputStream();

        Socket[] jsonClients = { connect(json.localPort()), connect(json.localPort()), connect(json.localPort()) };
        Socket rawClient = connect(raw.localPort());
        Await.until(Duration.ofSeconds(5), () -> json.clientCount() == 3 && raw.clientCount() == 1);

        // the fourth JSON client is told and closed; the three keep their places
        Socket fourth = connect(json.localPort());
        BufferedReader fourthIn = lines(fourth);
        assertThat(fourthIn.readLine()).contains("at most 3 clients");
        assertThat(fourthIn.readLine()).isNull();
        assertThat(json.clientCount()).isEqualTo(3);

        // phase 1: garbage, a good telegram, a corrupt one
        toReader.write(concat("\r\n#@ line noise \u0001\u0002\r\n".getBytes(StandardCharsets.ISO_8859_1), bytes(KAIFA),
                bytes(BAD_CRC)));
        toReader.flush();
        BufferedReader[] in = new BufferedReader[3];
        for (int i = 0; i < 3; i++) {
            in[i] = lines(jsonClients[i]);
            assertJsonReading(in[i].readLine(), KAIFA);
        }
        // the KAIFA telegram's values as the corpus' independent parser read them
        // (1-0:1.8.1 2000.123 kWh, 1-0:1.7.0 0.329 kW)
        // are checked on one client's line in assertJsonReading

        // the third JSON client resets its connection mid-stream
        jsonClients[2].setSoLinger(true, 0);
        jsonClients[2].close();

        // phase 2: garbage, a good telegram, a truncated one followed at once by a good one, another good one
        byte[] landis = bytes(LANDIS);
        toReader.write(concat("\u00ff\u00fe\u0000garbage".getBytes(StandardCharsets.ISO_8859_1), bytes(ISKRA),
                Arrays.copyOf(landis, landis.length / 2), bytes(FLUVIUS), landis));
        toReader.flush();
        for (int i = 0; i < 2; i++) {
            assertJsonReading(in[i].readLine(), ISKRA);
            assertJsonReading(in[i].readLine(), FLUVIUS);
            assertJsonReading(in[i].readLine(), LANDIS);
        }

        // the raw client got the valid telegrams' bytes exactly as sent, and nothing else
        byte[] expected = concat(bytes(KAIFA), bytes(ISKRA), bytes(FLUVIUS), landis);
        byte[] got = readExactly(rawClient.getInputStream(), expected.length);
        assertThat(got).isEqualTo(expected);
        rawClient.setSoTimeout(300);
        assertThat(readsNothing(rawClient.getInputStream())).isTrue();
        for (int i = 0; i < 2; i++) {
            jsonClients[i].setSoTimeout(300);
            assertThat(readsNothing(jsonClients[i].getInputStream())).isTrue();
        }
        assertThat(reader.stats().telegrams()).isEqualTo(4);
        assertThat(reader.stats().rejectedTotal()).isEqualTo(2); // the CRC mismatch and the truncated one
    }

    private static void assertJsonReading(String line, String corpusName) {
        assertThat(line).isNotNull();
        JsonObject o = JsonParser.parseString(line).getAsJsonObject();
        assertThat(o.get("header").getAsString()).isEqualTo(header(corpusName));
        assertThat(o.get("crc").getAsBoolean()).isTrue();
        if (corpusName.equals(KAIFA)) {
            assertThat(o.get("totalT1Use").getAsDouble()).isEqualTo(2000.123);
            assertThat(o.get("currentUsage").getAsDouble()).isEqualTo(0.329);
            assertThat(o.get("calculatedUsage").getAsLong()).isEqualTo(329);
        }
    }

    @Test
    void stalledClientIsDroppedWhileOthersGetEverything() throws Exception {
        ManualFeed feed = new ManualFeed();
        RawTcpServer raw = new RawTcpServer("127.0.0.1", 0, 3);
        raw.start(feed);
        cleanup.add(raw);
        Socket stalled = new Socket();
        stalled.setReceiveBufferSize(1024); // and it never reads
        stalled.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), raw.localPort()));
        cleanup.add(stalled);
        Socket good = connect(raw.localPort());
        Await.until(Duration.ofSeconds(5), () -> raw.clientCount() == 2);

        var telegram = TestTelegrams.telegram(ISKRA);
        int size = telegram.raw().length;
        AtomicInteger goodBytes = new AtomicInteger();
        Thread drain = new Thread(() -> {
            byte[] buf = new byte[65536];
            try {
                InputStream in = good.getInputStream();
                int n;
                while ((n = in.read(buf)) > 0) {
                    goodBytes.addAndGet(n);
                }
            } catch (IOException e) {
                // closed at the end of the test
            }
        });
        drain.setDaemon(true);
        drain.start();
        int sent = 0;
        // 16 MB in steps the good client keeps up with; the stalled one's buffers and queue overflow
        while (sent < 16000 && raw.clientCount() == 2) {
            for (int i = 0; i < 32; i++) {
                feed.publish(telegram);
            }
            sent += 32;
            int expected = sent * size;
            Await.until(Duration.ofSeconds(10), () -> goodBytes.get() == expected);
        }
        Await.until(Duration.ofSeconds(10), () -> raw.clientCount() == 1);
        for (int i = 0; i < 32; i++) {
            feed.publish(telegram);
        }
        sent += 32;
        int expected = sent * size;
        Await.until(Duration.ofSeconds(10), () -> goodBytes.get() == expected);
        assertThat(raw.clientCount()).isEqualTo(1);
    }

    @Test
    void portInUseIsAClearError() throws Exception {
        RawTcpServer first = new RawTcpServer("127.0.0.1", 0, 3);
        first.start(new ManualFeed());
        cleanup.add(first);
        JsonTcpServer second = new JsonTcpServer("127.0.0.1", first.localPort(), 3);
        cleanup.add(second);
        try {
            second.start(new ManualFeed());
            throw new AssertionError("second server on the same port started");
        } catch (IOException e) {
            assertThat(e.getMessage()).contains("127.0.0.1:" + first.localPort()).contains("in use");
        }
    }

    @Test
    void closeUnsubscribesAndFreesThePort() throws Exception {
        ManualFeed feed = new ManualFeed();
        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3);
        json.start(feed);
        int port = json.localPort();
        Socket client = connect(port);
        Await.until(Duration.ofSeconds(5), () -> json.clientCount() == 1);
        assertThat(feed.listenerCount()).isEqualTo(1);
        json.close();
        json.close();
        assertThat(feed.listenerCount()).isZero();
        assertThat(client.getInputStream().read()).isEqualTo(-1);
        JsonTcpServer again = new JsonTcpServer("127.0.0.1", port, 3);
        again.start(feed);
        cleanup.add(again);
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (out.size() < n) {
            int r = in.read(buf, 0, Math.min(buf.length, n - out.size()));
            if (r < 0) {
                break;
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }

    private static boolean readsNothing(InputStream in) throws IOException {
        try {
            return in.read() == -2;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }
}
