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
package org.openhab.binding.p1meter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.cli.web.WebServerOutput;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The daemon with {@code --simulate --web-server}: the dashboard, the JSON endpoint and the web socket, fed by
 * the simulated meter through the real reader.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonWebServerTest {

    @WebSocket
    public static final class Collector {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

        @OnWebSocketMessage
        public void onText(String text) {
            messages.add(text);
        }
    }

    /** CRC-16/ARC (polynomial 0xA001 reflected, initial 0), as DSMR 4+ specifies it. */
    @Test
    void simulatedMeterReachesTheDashboard() throws Exception {
        Main main = new Main();
        Main.commandLine(main, Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parseArgs("--simulate", "--web-server", "0", "--bind", "127.0.0.1");
        Daemon daemon = new Daemon(main.options);
        WebServerOutput web = (WebServerOutput) daemon.outputs().stream().filter(o -> o instanceof WebServerOutput)
                .findFirst().orElseThrow();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        WebSocketClient ws = new WebSocketClient();
        ws.start();
        int port;
        try {
            daemon.start();
            port = web.port();
            URI reading = URI.create("http://127.0.0.1:" + port + "/api/reading");

            HttpResponse<String> response = Await.atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> http.send(HttpRequest.newBuilder(reading).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString()), r -> {
                                if (r.statusCode() != 200) {
                                    assertThat(r.statusCode()).as("before the first telegram").isEqualTo(503);
                                }
                                return r.statusCode() == 200;
                            });
            assertThat(response).isNotNull();
            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
            // the contract's identity: calculatedUsage is usage minus delivery, in W
            double expected = Math
                    .round((json.get("currentUsage").getAsDouble() - json.get("currentDelivery").getAsDouble()) * 1000);
            assertThat(json.get("calculatedUsage").getAsDouble()).isEqualTo(expected);
            assertThat(json.get("crc").getAsBoolean()).isTrue();

            Collector collector = new Collector();
            ws.connect(collector, URI.create("ws://127.0.0.1:" + port + "/")).get(10, TimeUnit.SECONDS);
            String first = collector.messages.poll(15, TimeUnit.SECONDS);
            assertThat(first).startsWith("{\"topic\":\"power\",\"payload\":{\"header\":");
            JsonObject history = JsonParser.parseString(collector.messages.poll(15, TimeUnit.SECONDS))
                    .getAsJsonObject();
            assertThat(history.get("topic").getAsString()).isEqualTo("history");
            assertThat(history.getAsJsonObject("payload").getAsJsonArray("points")).as("the telegrams so far")
                    .isNotEmpty();
            JsonObject status = JsonParser.parseString(collector.messages.poll(15, TimeUnit.SECONDS)).getAsJsonObject()
                    .getAsJsonObject("payload");
            assertThat(status.get("state").getAsString()).isEqualTo("connected");
            assertThat(status.get("message").getAsString()).contains("simulated meter");
            assertThat(status.get("telegramAgeMs").getAsLong()).isBetween(0L, 15_000L);
            String next = collector.messages.poll(15, TimeUnit.SECONDS);
            assertThat(next).as("the simulated meter sends a telegram every second")
                    .startsWith("{\"topic\":\"dsmr\",\"payload\":{\"header\":");

            // the last telegram as the meter sent it: one whole telegram whose CRC (CRC-16/ARC from '/' to '!',
            // worked out here) is the one on its last line
            HttpResponse<String> raw = http
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/raw"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            String text = raw.body();
            assertThat(text).startsWith("/SIM5").matches("(?s).*\r\n![0-9A-F]{4}\r\n");
            int bang = text.lastIndexOf('!');
            assertThat(String.format("%04X",
                    NumberedTelegrams
                            .crc16(text.substring(0, bang + 1).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))))
                    .isEqualTo(text.substring(bang + 1, bang + 5));

            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("data-ws-url=\"./\"");
        } finally {
            ws.stop();
            daemon.stop();
        }
        final int closedPort = port;
        try {
            // a new client: the old one may hold a pooled connection
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the web server still answers after stop");
        } catch (ConnectException e) {
            // expected: stopping the daemon closes the port
        }
    }
}
