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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.openhab.binding.p1meter.internal.reader.NumberedTelegrams.telegram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.output.tcp.JsonTcpServer;

import com.google.gson.JsonParser;

/**
 * Faults of a TCP P1 source, end to end through the daemon's pipeline: a dongle on 127.0.0.1 that hangs up after
 * every telegram, refuses connections for a while, sends half a telegram and stalls, or floods garbage. The
 * reader must recover by itself, say what happened in its connection states, and every valid telegram sent after
 * recovery must come out of the JSON TCP server: each telegram carries its number, the JSON client collects them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SourceFaultsTest {

    /** Receive timeout 1 s, reconnect after 50 ms doubling to 400 ms: the daemon's behaviour, faster. */
    private static final ReaderOptions FAST = new ReaderOptions(Duration.ofSeconds(1), Duration.ofMillis(50),
            Duration.ofMillis(400), ConsumerLimits.defaults());

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<String> states = new CopyOnWriteArrayList<>();
    private final List<Rejection.Reason> rejections = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    /** A reader on the dongle's port, a JSON TCP server on the reader and one JSON client connected to it. */
    private JsonClient pipeline(int donglePort) throws Exception {
        P1Reader reader = new P1Reader(new TcpSource("127.0.0.1", donglePort, Duration.ofSeconds(2), Duration.ZERO),
                DecoderConfig.plaintext(), FAST);
        closeables.add(reader::stop);
        reader.addListener(new P1Listener() {
            @Override
            public void onTelegram(P1Telegram telegram) {
            }

            @Override
            public void onRejected(Rejection rejection) {
                rejections.add(rejection.reason());
            }

            @Override
            public void onConnectionState(ConnectionState state, String message) {
                states.add(state + " " + message);
            }
        });
        JsonTcpServer json = new JsonTcpServer("127.0.0.1", 0, 3);
        json.start(reader);
        closeables.add(json);
        JsonClient client = new JsonClient(json.localPort());
        closeables.add(client);
        Await.until(Duration.ofSeconds(5), () -> json.clientCount() == 1);
        reader.start();
        return client;
    }

    @Test
    void aDongleThatHangsUpAfterEveryTelegramLosesNone() throws Exception {
        FakeDongle dongle = dongle(0);
        JsonClient json = pipeline(dongle.port());
        for (int i = 1; i <= 5; i++) {
            try (Socket c = dongle.nextClient(); OutputStream out = c.getOutputStream()) {
                out.write(telegram(i));
                out.flush();
            }
        }
        assertThat(json.numbers(5)).containsExactly(1, 2, 3, 4, 5);
        awaitState("DISCONNECTED end of stream");
        assertThat(rejections).as("a telegram followed by a hang-up is complete").isEmpty();
    }

    @Test
    void aDongleThatRefusesConnectionsForAWhileIsFoundWhenItComesBack() throws Exception {
        FakeDongle gone = new FakeDongle(0);
        int port = gone.port();
        gone.close();
        JsonClient json = pipeline(port);
        // refused twice: the reader says where it tried and keeps trying
        Await.until(Duration.ofSeconds(5), () -> states.stream()
                .filter(s -> s.startsWith("DISCONNECTED cannot connect to 127.0.0.1:" + port)).count() >= 2);

        FakeDongle back = dongle(port);
        try (Socket c = back.nextClient(); OutputStream out = c.getOutputStream()) {
            for (int i = 1; i <= 3; i++) {
                out.write(telegram(i));
            }
            out.flush();
            assertThat(json.numbers(3)).containsExactly(1, 2, 3);
        }
        assertThat(states).anyMatch(s -> s.equals("CONNECTED connected to tcp 127.0.0.1:" + port));
    }

    @Test
    void halfATelegramThenSilenceIsCutByTheReceiveTimeoutAndTheNextConnectionLosesNothing() throws Exception {
        FakeDongle dongle = dongle(0);
        JsonClient json = pipeline(dongle.port());
        Socket stalled = dongle.nextClient();
        byte[] second = telegram(2);
        stalled.getOutputStream().write(telegram(1));
        stalled.getOutputStream().write(Arrays.copyOf(second, second.length / 2));
        stalled.getOutputStream().flush();
        // the dongle keeps the connection open and says nothing more: the watchdog must close it
        try (Socket c = dongle.nextClient(); OutputStream out = c.getOutputStream()) {
            for (int i = 3; i <= 5; i++) {
                out.write(telegram(i));
            }
            out.flush();
            assertThat(json.numbers(4)).containsExactly(1, 3, 4, 5);
        }
        awaitState("NO_DATA no valid telegram for 1 s");
        assertThat(rejections).containsExactly(Rejection.Reason.TRUNCATED);
        stalled.close();
    }

    @Test
    void aFloodOfGarbageIsRejectedAndTheTelegramsAfterItAllArrive() throws Exception {
        FakeDongle dongle = dongle(0);
        JsonClient json = pipeline(dongle.port());
        byte[] garbage = new byte[512 * 1024];
        new Random(7).nextBytes(garbage); // about 2,000 '/' and '!' in it: many false starts
        try (Socket c = dongle.nextClient(); OutputStream out = c.getOutputStream()) {
            out.write(garbage);
            for (int i = 1; i <= 5; i++) {
                out.write(telegram(i));
            }
            out.flush();
            assertThat(json.numbers(5)).containsExactly(1, 2, 3, 4, 5);
        }
        assertThat(rejections).isNotEmpty();
        assertThat(states).noneMatch(s -> s.startsWith("NO_DATA"));
    }

    @Test
    void aReadTimeoutSaysThatTheDongleSentNothing() throws Exception {
        FakeDongle dongle = dongle(0);
        TcpSource source = new TcpSource("127.0.0.1", dongle.port(), Duration.ofSeconds(2), Duration.ofSeconds(1));
        closeables.add(source::close);
        InputStream in = source.open();
        dongle.nextClient();
        assertThatThrownBy(() -> in.read(new byte[16])).isInstanceOf(SocketTimeoutException.class)
                .hasMessage("no data from 127.0.0.1:" + dongle.port() + " for 1 s");
    }

    private FakeDongle dongle(int port) throws IOException {
        FakeDongle d = new FakeDongle(port);
        closeables.add(d);
        return d;
    }

    private void awaitState(String expected) throws InterruptedException {
        Await.until(Duration.ofSeconds(5), () -> states.contains(expected));
        assertThat(states).contains(expected);
    }

    /** A JSON TCP client that reads the telegram numbers of the readings it receives. */
    private static final class JsonClient implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;

        JsonClient(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(10_000);
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        }

        /** Reads {@code count} readings, then checks for 300 ms that no more (duplicates) follow. */
        List<Integer> numbers(int count) throws IOException {
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                numbers.add(number(in.readLine()));
            }
            socket.setSoTimeout(300);
            try {
                String extra = in.readLine();
                numbers.add(extra == null ? -1 : number(extra));
            } catch (SocketTimeoutException e) {
                // nothing more: as it should be
            } finally {
                socket.setSoTimeout(10_000);
            }
            return numbers;
        }

        private static int number(@Nullable String line) {
            assertThat(line).as("a JSON reading").isNotNull();
            return NumberedTelegrams.number(
                    new BigDecimal(JsonParser.parseString(line).getAsJsonObject().get("totalT1Use").getAsString()));
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
