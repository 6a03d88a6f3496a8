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
import static org.awaitility.Awaitility.await;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.binding.p1meter.internal.reader.LogCapture;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.ReplaySource;
import org.openhab.binding.p1meter.internal.reader.TcpSource;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

import com.google.gson.JsonParser;

/**
 * The consumer policy end to end, with a real reader, real sockets on 127.0.0.1 and numbered telegrams: a client
 * that reads, however slowly, gets every telegram, and a source that can wait is read at its pace instead; a client
 * that stops reading is dropped after the no-progress time, and that is logged; a source that cannot wait (a
 * serial line) is never held up; a client that hangs up frees its slot at once.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsumerPolicyTest {

    private static final int TELEGRAMS = 20_000;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    @Test
    void aClientThatReadsSlowlyGetsEveryTelegramAndTheTcpSourceIsReadAtItsPace() throws Exception {
        // a dongle that sends 20,000 telegrams as fast as its socket takes them
        ServerSocket dongle = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        cleanup.add(dongle);
        AtomicLong dongleSent = new AtomicLong();
        Thread replay = new Thread(() -> {
            try (Socket s = dongle.accept(); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
                for (int i = 1; i <= TELEGRAMS; i++) {
                    out.write(NumberedTelegrams.telegram(i));
                    dongleSent.set(i);
                }
                out.flush();
                s.shutdownOutput();
                s.getInputStream().read(); // until the reader hangs up
            } catch (IOException e) {
                // the test ends
            }
        }, "test-dongle");
        replay.setDaemon(true);
        replay.start();

        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3);
        P1Reader reader = new P1Reader(
                new TcpSource("127.0.0.1", dongle.getLocalPort(), Duration.ofSeconds(5), Duration.ofSeconds(60)),
                DecoderConfig.plaintext(), ReaderOptions.defaults());
        cleanup.add(reader::stop);
        json.start(reader);
        cleanup.add(json);
        Socket client = new Socket();
        client.setReceiveBufferSize(8 * 1024);
        client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), json.localPort()));
        cleanup.add(client);
        await().atMost(5, TimeUnit.SECONDS).until(() -> json.clientCount() == 1);

        reader.start();
        // reads line by line, and rests a millisecond every 20 lines: far slower than the reader
        List<Integer> numbers = readNumbers(client, TELEGRAMS, 20);

        assertThat(numbers).hasSize(TELEGRAMS);
        for (int i = 0; i < TELEGRAMS; i++) {
            assertThat(numbers.get(i)).as("telegram at position %d", i).isEqualTo(i + 1);
        }
        assertThat(reader.pacingTime()).as("time the reader waited for the client").isPositive();
        assertThat(json.clientCount()).as("the slow client is still served").isEqualTo(1);
        assertThat(dongleSent.get()).isEqualTo(TELEGRAMS);
    }

    @Test
    void aListenerInTheSameProcessThatIsSlowGetsEveryTelegramOfAReplay() throws Exception {
        P1Reader reader = new P1Reader(new ReplaySource(TELEGRAMS, true), DecoderConfig.plaintext(),
                ReaderOptions.defaults());
        cleanup.add(reader::stop);
        List<Integer> numbers = new CopyOnWriteArrayList<>();
        reader.addListener(new P1Listener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
                numbers.add(number(telegram));
                if (numbers.size() % 50 == 0) {
                    rest(1);
                }
            }
        });
        reader.start();
        await().atMost(90, TimeUnit.SECONDS).until(() -> numbers.size() == TELEGRAMS);
        for (int i = 0; i < TELEGRAMS; i++) {
            assertThat(numbers.get(i)).isEqualTo(i + 1);
        }
        assertThat(reader.stats().droppedEvents()).isZero();
        assertThat(reader.pacingTime()).isPositive();
    }

    @Test
    void aClientThatStopsReadingIsDroppedAfterTheNoProgressTimeAndTheReplayGoesOn() throws Exception {
        int telegrams = TELEGRAMS; // about 8 MB of JSON: more than the kernel's socket buffers take
        ConsumerLimits limits = new ConsumerLimits(Duration.ofSeconds(1), ConsumerLimits.DEFAULT_MAX_BACKLOG_BYTES);
        P1Reader reader = new P1Reader(new ReplaySource(telegrams, true), DecoderConfig.plaintext(),
                ReaderOptions.defaults().withConsumerLimits(limits));
        cleanup.add(reader::stop);
        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3, limits);
        json.start(reader);
        cleanup.add(json);
        Socket stopped = new Socket();
        stopped.setReceiveBufferSize(4 * 1024); // and it never reads
        stopped.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), json.localPort()));
        cleanup.add(stopped);
        await().atMost(5, TimeUnit.SECONDS).until(() -> json.clientCount() == 1);
        Socket reading = connect(json.localPort());
        await().atMost(5, TimeUnit.SECONDS).until(() -> json.clientCount() == 2);

        try (LogCapture log = new LogCapture()) {
            reader.start();
            List<Integer> numbers = readNumbers(reading, telegrams, 0);
            assertThat(numbers).hasSize(telegrams).startsWith(1, 2, 3).endsWith(telegrams);
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
            assertThat(json.clientCount()).isEqualTo(1);
            assertThat(log.text()).containsPattern("json TCP client /127\\.0\\.0\\.1:" + stopped.getLocalPort()
                    + " dropped: no progress for 1 s with \\d+ KB waiting");
        }
        assertThat(reader.pacingTime()).as("the replay waited for the stopped client until it was dropped")
                .isPositive();
    }

    @Test
    void aSourceThatCannotWaitIsNeverHeldUpAndAClientThatStopsReadingIsDropped() throws Exception {
        int telegrams = TELEGRAMS; // about 8 MB of JSON: past the socket buffers and a 1 MB limit
        ConsumerLimits limits = new ConsumerLimits(Duration.ofSeconds(30), 1024 * 1024);
        P1Reader reader = new P1Reader(new ReplaySource(telegrams, false), DecoderConfig.plaintext(),
                ReaderOptions.defaults().withConsumerLimits(limits));
        cleanup.add(reader::stop);
        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3, limits);
        json.start(reader);
        cleanup.add(json);
        Socket stopped = new Socket();
        stopped.setReceiveBufferSize(4 * 1024);
        stopped.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), json.localPort()));
        cleanup.add(stopped);
        await().atMost(5, TimeUnit.SECONDS).until(() -> json.clientCount() == 1);

        try (LogCapture log = new LogCapture()) {
            reader.start();
            // the whole line is read, far faster than any serial port, while the client takes nothing
            await().atMost(30, TimeUnit.SECONDS).until(() -> reader.stats().telegrams() == telegrams);
            assertThat(reader.pacingTime()).as("time the reader waited").isZero();
            await().atMost(5, TimeUnit.SECONDS).until(() -> json.clientCount() == 0);
            assertThat(log.text()).containsPattern(
                    "json TCP client /127\\.0\\.0\\.1:" + stopped.getLocalPort() + " dropped: more than 1 MB waiting");
        }
    }

    @Test
    void aClientThatHangsUpFreesItsSlotAtOnce() throws Exception {
        ManualFeed feed = new ManualFeed();
        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3);
        json.start(feed);
        cleanup.add(json);
        // a port probe: connects and hangs up at once, as a health check or a port scanner does
        new Socket(InetAddress.getLoopbackAddress(), json.localPort()).close();
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(connect(json.localPort()));
        }
        await().atMost(5, TimeUnit.SECONDS).until(() -> json.clientCount() == 3);
        feed.publish(TestTelegrams.telegram(TestTelegrams.ISKRA));
        for (Socket c : clients) {
            String line = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).as("what a client after the probe receives").startsWith("{\"header\"");
        }
        // and a fourth is still refused: the limit of three stays
        Socket fourth = connect(json.localPort());
        assertThat(
                new BufferedReader(new InputStreamReader(fourth.getInputStream(), StandardCharsets.UTF_8)).readLine())
                .startsWith("Too many connections");
    }

    private Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(30_000);
        cleanup.add(s);
        return s;
    }

    /** Reads numbered JSON readings until {@code count} came or the server stopped; rests 1 ms every so often. */
    private static List<Integer> readNumbers(Socket s, int count, int restEvery) throws IOException {
        s.setSoTimeout(30_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8), 1024);
        List<Integer> numbers = new ArrayList<>();
        String line;
        while (numbers.size() < count && (line = in.readLine()) != null) {
            numbers.add(NumberedTelegrams.number(
                    new BigDecimal(JsonParser.parseString(line).getAsJsonObject().get("totalT1Use").getAsString())));
            if (restEvery > 0 && numbers.size() % restEvery == 0) {
                rest(1);
            }
        }
        return numbers;
    }

    private static int number(P1Telegram telegram) {
        return NumberedTelegrams.number(
                BigDecimal.valueOf(telegram.get(org.openhab.binding.p1meter.internal.dsmr.Quantity.ENERGY_IMPORT_T1)));
    }

    private static void rest(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
