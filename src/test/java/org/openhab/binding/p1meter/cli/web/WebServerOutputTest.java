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
package org.openhab.binding.p1meter.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.P1Listener;

/**
 * The daemon's web server on a loopback port: page, JSON endpoint and web socket where smartmeter2mqtt had them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebServerOutputTest {

    /** A feed the test drives by hand. */
    static final class HandFeed implements P1Feed {
        final List<P1Listener> listeners = new CopyOnWriteArrayList<>();
        volatile @Nullable P1Telegram last;

        @Override
        public void addListener(P1Listener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(P1Listener listener) {
            listeners.remove(listener);
        }

        @Override
        public @Nullable P1Telegram lastTelegram() {
            return last;
        }

        void publish(double importKw, double exportKw) {
            P1Telegram t = new P1Telegram.Builder().header("KFM5KAIFA-METER").crcChecked(true)
                    .timestamp(OffsetDateTime.parse("2025-06-14T13:15:07+02:00")).set(Quantity.POWER_IMPORT, importKw)
                    .set(Quantity.POWER_EXPORT, exportKw).build();
            last = t;
            listeners.forEach(l -> l.onTelegram(t));
        }
    }

    @WebSocket
    public static final class Collector {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        @OnWebSocketMessage
        public void onText(String text) {
            messages.add(text);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesPageReadingAndSocketAtTheRoot() throws Exception {
        HandFeed feed = new HandFeed();
        WebClientHolder holder = new WebClientHolder();
        try (WebServerOutput output = new WebServerOutput("127.0.0.1", 0); holder) {
            output.start(feed);
            int port = output.port();
            assertThat(port).isPositive();
            assertThat(output.describe()).isEqualTo(
                    "Web dashboard on http://127.0.0.1:" + port + "/ (live updates on ws://127.0.0.1:" + port + "/)");

            assertThat(get(port, "/").body()).contains("data-ws-url=\"./\"");
            assertThat(get(port, "/api/reading").statusCode()).isEqualTo(503);

            feed.publish(0.5, 0);
            assertThat(get(port, "/api/reading").body()).contains("\"calculatedUsage\":500");

            Collector collector = new Collector();
            holder.client.connect(collector, URI.create("ws://127.0.0.1:" + port + "/")).get(10, TimeUnit.SECONDS);
            assertThat(collector.messages.poll(15, TimeUnit.SECONDS)).startsWith("{\"topic\":\"power\",\"payload\":{")
                    .contains("\"calculatedUsage\":500");
            assertThat(collector.messages.poll(15, TimeUnit.SECONDS)).startsWith("{\"topic\":\"history\",")
                    .contains("\"net\":500");
            assertThat(collector.messages.poll(15, TimeUnit.SECONDS)).startsWith("{\"topic\":\"status\",");
            feed.publish(0, 1.25);
            assertThat(collector.messages.poll(15, TimeUnit.SECONDS)).startsWith("{\"topic\":\"dsmr\",\"payload\":{")
                    .contains("\"calculatedUsage\":-1250");
        }
        assertThat(feed.listeners).as("closing unsubscribes").isEmpty();
    }

    @Test
    void aPortInUseIsAClearErrorAndClosingFreesThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            WebServerOutput output = new WebServerOutput("127.0.0.1", taken.getLocalPort());
            assertThatThrownBy(() -> output.start(new HandFeed())).isInstanceOf(IOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .hasMessageContaining("is in use");
            output.close();
        }

        WebServerOutput first = new WebServerOutput("127.0.0.1", 0);
        first.start(new HandFeed());
        int port = first.port();
        first.close();
        first.close();
        try (WebServerOutput second = new WebServerOutput("127.0.0.1", port)) {
            second.start(new HandFeed());
            assertThat(get(port, "/").statusCode()).isEqualTo(200);
        }
    }

    /** Starts and stops a web socket client with try-with-resources. */
    static final class WebClientHolder implements AutoCloseable {
        final WebSocketClient client = new WebSocketClient();

        WebClientHolder() throws Exception {
            client.start();
        }

        @Override
        public void close() throws Exception {
            client.stop();
        }
    }
}
