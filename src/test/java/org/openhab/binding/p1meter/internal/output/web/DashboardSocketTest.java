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

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.ReplaySource;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The dashboard's web socket in a real Jetty, with a real Jetty web socket client.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DashboardSocketTest {

    /** Collects what the server sends. */
    @WebSocket
    public static final class Browser {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CountDownLatch closed = new CountDownLatch(1);

        @OnWebSocketMessage
        public void onText(String text) {
            messages.add(text);
        }

        @OnWebSocketClose
        public void onClose(int code, @Nullable String reason) {
            closed.countDown();
        }

        JsonObject next() throws InterruptedException {
            String text = messages.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a message within 10 s").isNotNull();
            return JsonParser.parseString(text).getAsJsonObject();
        }

        /** The next reading ({@code power} or {@code dsmr}), past the status and history sent besides them. */
        JsonObject nextReading() throws InterruptedException {
            while (true) {
                JsonObject m = next();
                String topic = m.get("topic").getAsString();
                if (!topic.equals("status") && !topic.equals("history")) {
                    return m;
                }
            }
        }
    }

    private final ManualFeed feed = new ManualFeed();
    private final WebSocketClient client = new WebSocketClient();
    private final List<DashboardSocket> created = new CopyOnWriteArrayList<>();
    private @Nullable DashboardHub hub;
    private @Nullable WebTestServer server;

    private WebTestServer start(DashboardHub dashboardHub) throws Exception {
        hub = dashboardHub;
        dashboardHub.start();
        WebTestServer s = new WebTestServer(new DashboardServlet(feed, "./"), "/*", (req, resp) -> {
            DashboardSocket socket = dashboardHub.newSocket();
            created.add(socket);
            return socket;
        }, "/");
        server = s;
        return s;
    }

    @BeforeEach
    void startClient() throws Exception {
        client.getPolicy().setMaxTextMessageSize(1 << 20);
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        DashboardHub h = hub;
        if (h != null) {
            h.close();
        }
        WebTestServer s = server;
        if (s != null) {
            s.close();
        }
    }

    private Session connect(URI uri, Browser browser) throws Exception {
        return client.connect(browser, uri).get(10, TimeUnit.SECONDS);
    }

    @Test
    void sendsTheLastReadingOnConnectThenEveryNewOne() throws Exception {
        WebTestServer s = start(new DashboardHub(feed));
        feed.publish(WebTelegrams.telegram(1.754, 0, "2025-06-14T13:15:07+02:00"));

        Browser browser = new Browser();
        connect(s.ws("/"), browser);

        JsonObject first = browser.next();
        assertThat(first.get("topic").getAsString()).isEqualTo("power");
        assertThat(first.getAsJsonObject("payload").get("calculatedUsage").getAsDouble()).isEqualTo(1754.0);
        assertThat(first.keySet()).containsExactlyInAnyOrder("topic", "payload");
        assertThat(browser.next().get("topic").getAsString()).isEqualTo("history");
        assertThat(browser.next().get("topic").getAsString()).isEqualTo("status");

        feed.publish(WebTelegrams.telegram(0, 0.56, "2025-06-14T13:15:08+02:00"));
        JsonObject second = browser.next();
        assertThat(second.get("topic").getAsString()).isEqualTo("dsmr");
        assertThat(second.getAsJsonObject("payload").get("calculatedUsage").getAsDouble()).isEqualTo(-560.0);
        assertThat(second.getAsJsonObject("payload").get("currentDelivery").getAsDouble()).isEqualTo(0.56);

        feed.publish(WebTelegrams.telegram(0.2, 0, "2025-06-14T13:15:09+02:00"));
        JsonObject third = browser.next();
        assertThat(third.get("topic").getAsString()).isEqualTo("dsmr");
        assertThat(third.getAsJsonObject("payload").get("calculatedUsage").getAsDouble()).isEqualTo(200.0);
        assertThat(browser.messages.poll(300, TimeUnit.MILLISECONDS)).as("nothing else").isNull();
    }

    @Test
    void beforeTheFirstTelegramSendsOnlyTheStatusUntilOneArrives() throws Exception {
        WebTestServer s = start(new DashboardHub(feed));
        feed.state(ConnectionState.CONNECTING, "opening serial /dev/ttyUSB0");
        Browser browser = new Browser();
        connect(s.ws("/"), browser);

        JsonObject status = browser.next();
        assertThat(status.get("topic").getAsString()).isEqualTo("status");
        assertThat(status.getAsJsonObject("payload").get("state").getAsString()).isEqualTo("connecting");
        assertThat(status.getAsJsonObject("payload").has("telegramAgeMs")).as("no telegram yet").isFalse();
        assertThat(browser.messages.poll(500, TimeUnit.MILLISECONDS)).isNull();
        feed.publish(WebTelegrams.telegram(0.3, 0, "2025-06-14T13:15:07+02:00"));
        JsonObject first = browser.next();
        assertThat(first.get("topic").getAsString()).isEqualTo("dsmr");
        assertThat(first.getAsJsonObject("payload").get("currentUsage").getAsDouble()).isEqualTo(0.3);
    }

    @Test
    void everyBrowserGetsEveryTelegramAndClosingTheHubClosesThemAndUnsubscribes() throws Exception {
        DashboardHub h = new DashboardHub(feed);
        WebTestServer s = start(h);
        Browser a = new Browser();
        Browser b = new Browser();
        Session sa = connect(s.ws("/"), a);
        connect(s.ws("/"), b);
        Await.until(Duration.ofSeconds(10), () -> h.sessions() == 2);

        feed.publish(WebTelegrams.telegram(1, 0, "2025-06-14T13:15:07+02:00"));
        assertThat(a.nextReading().get("topic").getAsString()).isEqualTo("dsmr");
        assertThat(b.nextReading().get("topic").getAsString()).isEqualTo("dsmr");

        sa.close();
        Await.until(Duration.ofSeconds(10), () -> h.sessions() == 1);
        feed.publish(WebTelegrams.telegram(2, 0, "2025-06-14T13:15:08+02:00"));
        assertThat(b.nextReading().getAsJsonObject("payload").get("currentUsage").getAsDouble()).isEqualTo(2.0);

        assertThat(feed.listenerCount()).isEqualTo(1);
        h.close();
        assertThat(b.closed.await(10, TimeUnit.SECONDS)).as("the browser's socket is closed").isTrue();
        assertThat(feed.listenerCount()).isZero();
    }

    /**
     * A browser that stops reading must not hold up the feed, nor the other browsers: it is disconnected once more
     * than its backlog limit waits for it.
     */
    @Test
    void aBrowserThatStopsReadingNeitherStallsTheFeedNorOtherBrowsers() throws Exception {
        // big readings fill the socket buffers after a few dozen messages
        String padding = "x".repeat(256 * 1024);
        DashboardHub h = new DashboardHub(feed,
                t -> "{\"currentUsage\":" + t.get(org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_IMPORT)
                        + ",\"pad\":\"" + padding + "\"}",
                org.openhab.binding.p1meter.internal.reader.ConsumerLimits.defaults());
        WebTestServer s = start(h);

        try (Socket stuck = new Socket("127.0.0.1", s.port())) {
            stuck.setReceiveBufferSize(4096);
            stuck.setSoTimeout(5000);
            handshake(stuck);
            Await.until(Duration.ofSeconds(10), () -> h.sessions() == 1);

            Browser healthy = new Browser();
            connect(s.ws("/"), healthy);
            Await.until(Duration.ofSeconds(10), () -> h.sessions() == 2);

            int telegrams = 200;
            long slowest = 0;
            for (int i = 1; i <= telegrams; i++) {
                long t0 = System.nanoTime();
                feed.publish(WebTelegrams.telegram(i, 0, "2025-06-14T13:15:07+02:00"));
                slowest = Math.max(slowest, System.nanoTime() - t0);
                // the healthy browser reads everything: pace the feed like a meter would, only faster
                JsonObject m = healthy.nextReading();
                assertThat(m.get("topic").getAsString()).isEqualTo("dsmr");
                assertThat(m.getAsJsonObject("payload").get("currentUsage").getAsDouble()).isEqualTo(i);
            }
            assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).as("longest time the feed waited, ms").isLessThan(500);
            // 200 readings of 256 KB pass the stuck browser's 4 MB backlog limit: it is disconnected, the other stays
            Await.until(Duration.ofSeconds(10), () -> h.sessions() == 1);
            assertThat(h.sessions()).isEqualTo(1);
        }
    }

    /** A browser that reads slowly: it rests a millisecond every 20 messages, so the server's queue builds up. */
    @WebSocket
    public static final class SlowBrowser {
        final List<Integer> numbers = new CopyOnWriteArrayList<>();

        @OnWebSocketMessage
        public void onText(String text) {
            JsonObject message = JsonParser.parseString(text).getAsJsonObject();
            if (!DashboardHub.TOPIC_TELEGRAM.equals(message.get("topic").getAsString())) {
                return; // the source's status and the chart's history are no readings
            }
            JsonObject payload = message.getAsJsonObject("payload");
            numbers.add(NumberedTelegrams.number(payload.get("totalT1Use").getAsBigDecimal()));
            if (numbers.size() % 20 == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A browser that reads, however slowly, gets every reading of a replay, in order: the replay is read at its pace
     * rather than readings being dropped for it.
     */
    @Test
    void aBrowserThatReadsSlowlyGetsEveryReadingOfAReplay() throws Exception {
        int telegrams = 20_000;
        P1Reader reader = new P1Reader(new ReplaySource(telegrams, true), DecoderConfig.plaintext(),
                ReaderOptions.defaults());
        try {
            DashboardHub h = new DashboardHub(reader);
            hub = h;
            h.start();
            WebTestServer s = new WebTestServer(new DashboardServlet(reader, "./"), "/*", (req, resp) -> h.newSocket(),
                    "/");
            server = s;
            SlowBrowser browser = new SlowBrowser();
            client.connect(browser, s.ws("/")).get(10, TimeUnit.SECONDS);
            Await.until(Duration.ofSeconds(10), () -> h.sessions() == 1);

            reader.start();
            Await.until(Duration.ofSeconds(50), () -> browser.numbers.size() >= telegrams,
                    () -> telegrams + " readings, got " + browser.numbers.size());
            assertThat(browser.numbers).hasSize(telegrams);
            for (int i = 0; i < telegrams; i++) {
                assertThat(browser.numbers.get(i)).as("reading at position %d", i).isEqualTo(i + 1);
            }
            assertThat(reader.pacingTime()).as("time the replay waited for the browser").isPositive();
            assertThat(h.sessions()).isEqualTo(1);
        } finally {
            reader.stop();
        }
    }

    /**
     * Minutes of telegrams before the browser opens the page: it gets the last reading, then the chart's last five
     * minutes (by arrival; meter times and watts worked out by hand), then the source's state.
     */
    @Test
    void onConnectTheLastReadingThenTheChartsHistoryThenTheStatus() throws Exception {
        long[] clock = { 1_000_000 };
        WebTestServer s = start(new DashboardHub(feed, DashboardMessages::reading, () -> clock[0]));
        feed.state(ConnectionState.CONNECTED, "connected to tcp 10.0.0.5:8088");
        // ten minutes at one telegram a minute: 13:00 ... 13:09 by the meter's clock, import 100 W .. 1000 W
        for (int i = 0; i < 10; i++) {
            feed.publish(WebTelegrams.telegram(0.1 * (i + 1), 0, String.format("2025-06-14T13:%02d:00+02:00", i)));
            clock[0] += 60_000;
        }
        clock[0] -= 60_000; // the browser opens the page right after the last one
        Browser browser = new Browser();
        connect(s.ws("/"), browser);

        JsonObject power = browser.next();
        assertThat(power.get("topic").getAsString()).isEqualTo("power");
        assertThat(power.getAsJsonObject("payload").get("calculatedUsage").getAsLong()).isEqualTo(1000);

        JsonObject history = browser.next();
        assertThat(history.get("topic").getAsString()).isEqualTo("history");
        assertThat(history.getAsJsonObject("payload").get("windowMs").getAsLong()).isEqualTo(300_000);
        var points = history.getAsJsonObject("payload").getAsJsonArray("points");
        // arrived within the last five minutes: 13:04 (exactly five minutes ago) to 13:09
        assertThat(points).hasSize(6);
        JsonObject oldest = points.get(0).getAsJsonObject();
        assertThat(oldest.get("t").getAsLong())
                .isEqualTo(java.time.OffsetDateTime.parse("2025-06-14T13:04:00+02:00").toInstant().toEpochMilli());
        assertThat(oldest.get("net").getAsLong()).isEqualTo(500);
        assertThat(oldest.get("l1").getAsLong()).isEqualTo(500);
        assertThat(oldest.has("l2")).as("a phase the meter does not send is left out").isFalse();
        assertThat(points.get(5).getAsJsonObject().get("net").getAsLong()).isEqualTo(1000);

        JsonObject status = browser.next();
        assertThat(status.get("topic").getAsString()).isEqualTo("status");
        assertThat(status.getAsJsonObject("payload").get("state").getAsString()).isEqualTo("connected");
        assertThat(status.getAsJsonObject("payload").get("message").getAsString()).contains("10.0.0.5:8088");
        assertThat(status.getAsJsonObject("payload").get("telegramAgeMs").getAsLong()).isBetween(0L, 60_000L);

        // the source goes quiet for six minutes: a browser that comes then gets no chart, but the state
        clock[0] += 6 * 60_000;
        feed.state(ConnectionState.NO_DATA, "no valid telegram for 60 s");
        assertThat(browser.next().getAsJsonObject("payload").get("state").getAsString()).isEqualTo("no_data");
        Browser late = new Browser();
        connect(s.ws("/"), late);
        assertThat(late.next().get("topic").getAsString()).isEqualTo("power");
        JsonObject lateStatus = late.next();
        assertThat(lateStatus.get("topic").getAsString()).isEqualTo("status");
        assertThat(lateStatus.getAsJsonObject("payload").get("state").getAsString()).isEqualTo("no_data");
    }

    @Test
    void historyOfAFastSourceIsBounded() throws Exception {
        long[] clock = { 1_000_000 };
        WebTestServer s = start(new DashboardHub(feed, DashboardMessages::reading, () -> clock[0]));
        int n = DashboardHub.HISTORY_MAX_POINTS + 300;
        for (int i = 0; i < n; i++) {
            feed.publish(WebTelegrams.telegram(i / 1000.0, 0, "2025-06-14T13:15:07+02:00"));
            clock[0] += 10; // a replay at a hundred telegrams a second
        }
        Browser browser = new Browser();
        connect(s.ws("/"), browser);
        browser.next(); // power
        var points = browser.next().getAsJsonObject("payload").getAsJsonArray("points");
        assertThat(points).hasSize(DashboardHub.HISTORY_MAX_POINTS);
        assertThat(points.get(0).getAsJsonObject().get("net").getAsLong()).as("the oldest ones went").isEqualTo(300);
        assertThat(points.get(points.size() - 1).getAsJsonObject().get("net").getAsLong()).isEqualTo(n - 1);
    }

    /** Opens a web socket by hand and then never reads again. */
    private static void handshake(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        String key = Base64.getEncoder().encodeToString("p1meter-stuck-key".getBytes(StandardCharsets.US_ASCII));
        out.write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        List<Integer> head = new ArrayList<>();
        while (head.size() < 4 || !(head.get(head.size() - 4) == '\r' && head.get(head.size() - 1) == '\n'
                && head.get(head.size() - 2) == '\r')) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.add(b);
        }
        StringBuilder text = new StringBuilder();
        head.forEach(b -> text.append((char) b.intValue()));
        assertThat(text.toString()).startsWith("HTTP/1.1 101");
    }
}
