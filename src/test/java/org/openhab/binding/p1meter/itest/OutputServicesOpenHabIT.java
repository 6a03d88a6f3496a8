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
package org.openhab.binding.p1meter.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.openhab.binding.p1meter.internal.output.mqtt.EmbeddedBroker;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttProbe;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

/**
 * The output services as a user switches them on in Settings, Other Services: the UI reads each service's config
 * description and PUTs its configuration to {@code /rest/services/<pid>/config}. Each service then serves (a TCP
 * client gets JSON lines or raw telegrams, an HTTP server receives the webhook's posts, a broker gets the MQTT
 * topics and Home Assistant's configs, a browser gets the dashboard and its web socket), follows a changed port or
 * path, stops when switched off, and stays off with one log line naming the setting when a value cannot work.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@TestInstance(Lifecycle.PER_CLASS)
class OutputServicesOpenHabIT {

    private static final String BRIDGE = "p1meter:tcp:services";
    private static final Duration SERVE_TIMEOUT = Duration.ofSeconds(30);

    private @Nullable OpenHabRuntime openhab;
    private @Nullable MeterServer meter;

    @BeforeAll
    void start() throws Exception {
        openhab = OpenHabRuntime.start();
        openhab().install(Addon.jar());
        meter = new MeterServer();
        meter.every(Duration.ofMillis(500));
        Things things = new Things(openhab().rest());
        things.create(BRIDGE, "p1meter:tcp", null, Map.of("host", "127.0.0.1", "port", meter.port()));
        things.awaitStatus(BRIDGE, "ONLINE");
    }

    @AfterAll
    void stop() {
        if (openhab != null) {
            openhab.close();
        }
        if (meter != null) {
            meter.close();
        }
    }

    private OpenHabRuntime openhab() {
        OpenHabRuntime o = openhab;
        assertThat(o).isNotNull();
        return o;
    }

    @Test
    void everyServiceIsListedUnderOtherServicesWithItsConfigDescription() {
        Map<String, String> services = new HashMap<>();
        for (JsonElement e : openhab().rest().get("/rest/services").getAsJsonArray()) {
            JsonObject s = e.getAsJsonObject();
            services.put(s.get("id").getAsString(), s.get("label").getAsString());
        }
        assertThat(services).containsEntry("binding.p1meter.jsontcp", "P1 Meter JSON TCP Server")
                .containsEntry("binding.p1meter.rawtcp", "P1 Meter Raw TCP Server")
                .containsEntry("binding.p1meter.webhook", "P1 Meter Webhook")
                .containsEntry("binding.p1meter.mqtt", "P1 Meter MQTT")
                .containsEntry("binding.p1meter.dashboard", "P1 Meter Dashboard");
        assertThat(parameters("io:p1meter-jsontcp")).contains("enabled", "port", "bindAddress", "bridge");
        assertThat(parameters("io:p1meter-rawtcp")).contains("enabled", "port", "bindAddress", "bridge");
        assertThat(parameters("io:p1meter-webhook")).contains("enabled", "url", "interval", "format", "fields");
        assertThat(parameters("io:p1meter-mqtt")).contains("brokerUrl", "topicPrefix", "discovery");
        assertThat(parameters("io:p1meter-dashboard")).contains("enabled", "path", "bridge");
    }

    @Test
    void jsonTcpServesJsonLinesMovesWithItsPortStopsAndRefusesABadPort() throws Exception {
        String pid = "binding.p1meter.jsontcp";
        int first = OpenHabRuntime.freePort();
        configure(pid, Map.of("enabled", true, "port", first, "bindAddress", "127.0.0.1"));
        JsonObject reading = JsonParser.parseString(firstLine(first)).getAsJsonObject();
        assertThat(reading.get("powerSn").getAsString()).isNotBlank();
        assertThat(reading.get("totalT1Use").getAsDouble()).isPositive();

        int second = OpenHabRuntime.freePort();
        configure(pid, Map.of("enabled", true, "port", second, "bindAddress", "127.0.0.1"));
        assertThat(JsonParser.parseString(firstLine(second)).getAsJsonObject().has("currentUsage")).isTrue();
        awaitRefused(first);

        configure(pid, Map.of("enabled", false, "port", second, "bindAddress", "127.0.0.1"));
        awaitRefused(second);

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int warnings = openhab().addonProblems().size();
            configure(pid, Map.of("enabled", true, "port", taken.getLocalPort(), "bindAddress", "127.0.0.1"));
            String line = awaitOneNewWarning(warnings);
            assertThat(line).contains("JSON TCP").contains(Integer.toString(taken.getLocalPort()))
                    .containsIgnoringCase("in use");
        }
        configure(pid, Map.of("enabled", false));
    }

    @Test
    void rawTcpRelaysTheMetersTelegramsAndStopsWhenSwitchedOff() throws Exception {
        String pid = "binding.p1meter.rawtcp";
        int port = OpenHabRuntime.freePort();
        configure(pid, Map.of("enabled", true, "port", port, "bindAddress", "127.0.0.1"));
        String telegram = firstTelegram(port);
        assertThat(telegram).startsWith("/SIM5").contains("1-0:1.8.1(").containsPattern("![0-9A-F]{4}\\r\\n$");

        int other = OpenHabRuntime.freePort();
        configure(pid, Map.of("enabled", true, "port", other, "bindAddress", "127.0.0.1"));
        assertThat(firstTelegram(other)).startsWith("/SIM5");
        awaitRefused(port);

        configure(pid, Map.of("enabled", false, "port", other));
        awaitRefused(other);

        int warnings = openhab().addonProblems().size();
        configure(pid, Map.of("enabled", true, "port", 3020, "bindAddress", "no.such.host.invalid"));
        assertThat(awaitOneNewWarning(warnings)).contains("Raw TCP").contains("no.such.host.invalid");
        configure(pid, Map.of("enabled", false));
    }

    @Test
    void theWebhookPostsTheReadingAndAnInvalidUrlIsNamed() throws Exception {
        String pid = "binding.p1meter.webhook";
        BlockingQueue<Map<String, String>> posts = new LinkedBlockingQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/p1", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> form = new HashMap<>();
            for (String pair : body.split("&")) {
                String[] kv = pair.split("=", 2);
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
            form.put("_method", exchange.getRequestMethod());
            form.put("_contentType", String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            posts.add(form);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/p1";
            configure(pid, Map.of("enabled", true, "url", url, "interval", 1));
            Map<String, String> post = posts.poll(SERVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertThat(post).as("a post within " + SERVE_TIMEOUT).isNotNull();
            assertThat(post.get("_method")).isEqualTo("POST");
            assertThat(post.get("_contentType")).startsWith("application/x-www-form-urlencoded");
            assertThat(post).containsKeys("powerTs", "totalT1Use", "totalT2Use", "gas_totalUse");
            assertThat(Double.parseDouble(post.get("totalT1Use"))).isPositive();

            configure(pid, Map.of("enabled", false, "url", url, "interval", 1));
            await("posts to stop").pollDelay(Duration.ofSeconds(2)).atMost(SERVE_TIMEOUT).until(() -> {
                posts.clear();
                Thread.sleep(2500);
                return posts.isEmpty();
            });

            int warnings = openhab().addonProblems().size();
            configure(pid, Map.of("enabled", true, "url", "ftp://127.0.0.1/p1", "interval", 1));
            assertThat(awaitOneNewWarning(warnings)).contains("Webhook").contains("URL").contains("ftp://127.0.0.1/p1");
            configure(pid, Map.of("enabled", false));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mqttPublishesTheReadingAndHomeAssistantDiscoveryAndMovesToAnotherBroker() throws Exception {
        String pid = "binding.p1meter.mqtt";
        try (EmbeddedBroker broker = EmbeddedBroker.start();
                EmbeddedBroker other = EmbeddedBroker.start();
                MqttProbe probe = new MqttProbe(broker.port(), "smartmeter/#", "homeassistant/#");
                MqttProbe otherProbe = new MqttProbe(other.port(), "smartmeter/#")) {
            configure(pid, Map.of("brokerUrl", broker.url(), "discovery", true));
            MqttProbe.Received energy = probe.await("smartmeter/status/energy", SERVE_TIMEOUT);
            assertThat(JsonParser.parseString(energy.payload()).getAsJsonObject().has("totalT1Use")).isTrue();
            assertThat(probe.awaitOrSeen(r -> r.topic().equals("smartmeter/connected"), SERVE_TIMEOUT).payload())
                    .isEqualTo("2");
            MqttProbe.Received config = probe.awaitOrSeen(r -> r.topic().startsWith("homeassistant/sensor/")
                    && r.topic().endsWith("/config") && r.payload().contains("\"device_class\":\"energy\""),
                    SERVE_TIMEOUT);
            JsonObject sensor = JsonParser.parseString(config.payload()).getAsJsonObject();
            assertThat(sensor.get("unit_of_measurement").getAsString()).isEqualTo("kWh");
            assertThat(sensor.get("state_class").getAsString()).isEqualTo("total_increasing");

            configure(pid, Map.of("brokerUrl", other.url(), "discovery", false));
            otherProbe.await("smartmeter/status/energy", SERVE_TIMEOUT);

            int warnings = openhab().addonProblems().size();
            configure(pid, Map.of("brokerUrl", "ftp://127.0.0.1:1883"));
            assertThat(awaitOneNewWarning(warnings)).contains("MQTT").contains("ftp://127.0.0.1:1883");
            configure(pid, Map.of("brokerUrl", ""));
        }
    }

    @Test
    void theDashboardServesItsPageReadingAndWebSocketFollowsItsPathAndSwitchesOff() throws Exception {
        String pid = "binding.p1meter.dashboard";
        configure(pid, Map.of("enabled", true, "path", "/p1meter"));
        await("the dashboard page").atMost(SERVE_TIMEOUT).until(() -> status("/p1meter/") == 200);
        assertThat(body("/p1meter/")).contains("<html");
        JsonObject reading = JsonParser.parseString(body("/p1meter/api/reading")).getAsJsonObject();
        assertThat(reading.get("totalT1Use").getAsDouble()).isPositive();

        // the live updates, at openHAB's /ws/p1meter, as the page's script opens them (no credentials: openHAB
        // gives a browser on its network the implicit user role)
        List<JsonObject> messages = webSocketMessagesUntil("dsmr");
        List<String> topics = messages.stream().map(m -> m.get("topic").getAsString()).toList();
        // the last reading first, then the chart's history and the reader's state, then every new telegram
        assertThat(topics.get(0)).isEqualTo("power");
        assertThat(topics).contains("history", "status");
        assertThat(messages.get(messages.size() - 1).getAsJsonObject("payload").has("totalT1Use")).isTrue();
        assertThat(body("/p1meter/api/raw")).startsWith("/SIM5").contains("1-0:1.8.1(");

        configure(pid, Map.of("enabled", true, "path", "/energy"));
        await("the dashboard at its new path").atMost(SERVE_TIMEOUT).until(() -> status("/energy/") == 200);
        await("the old path to be free").atMost(SERVE_TIMEOUT).until(() -> status("/p1meter/") == 404);

        configure(pid, Map.of("enabled", false, "path", "/energy"));
        await("the dashboard to be off").atMost(SERVE_TIMEOUT).until(() -> status("/energy/") == 404);

        int warnings = openhab().addonProblems().size();
        configure(pid, Map.of("enabled", true, "path", "/rest"));
        assertThat(awaitOneNewWarning(warnings)).contains("dashboard path").contains("/rest");
        // a bad path never takes the dashboard away: it is served at its default instead
        await("the dashboard at its default path").atMost(SERVE_TIMEOUT).until(() -> status("/p1meter/") == 200);
        assertThat(status("/rest/")).isEqualTo(200);
    }

    // --- helpers

    private List<String> parameters(String uri) {
        List<String> names = new ArrayList<>();
        for (JsonElement p : openhab().rest().get("/rest/config-descriptions/" + uri).getAsJsonObject()
                .getAsJsonArray("parameters")) {
            names.add(p.getAsJsonObject().get("name").getAsString());
        }
        return names;
    }

    /** What the UI's service page does on "Save". */
    private void configure(String pid, Map<String, Object> config) {
        OpenHabRest.expect(openhab().rest().put("/rest/services/" + pid + "/config", OpenHabRest.GSON.toJson(config)),
                200, 204);
    }

    /** The one WARN line the add-on logs after a change that cannot work (waits for it, then for no second). */
    private String awaitOneNewWarning(int before) throws InterruptedException {
        await("a warning from the add-on").atMost(SERVE_TIMEOUT).until(() -> openhab().addonProblems().size() > before);
        Thread.sleep(1000);
        List<String> problems = openhab().addonProblems();
        List<String> added = problems.subList(before, problems.size());
        assertThat(added).as("new WARN/ERROR lines of the add-on").hasSize(1);
        return added.get(0);
    }

    private static String firstLine(int port) {
        return await("a JSON line on port " + port).atMost(SERVE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        s.setSoTimeout(10_000);
                        String line = new BufferedReader(
                                new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8)).readLine();
                        return line;
                    }
                }, line -> line != null && line.startsWith("{"));
    }

    /** One whole telegram from a raw TCP port: from '/' to the CRC line's end. */
    private static String firstTelegram(int port) {
        return await("a raw telegram on port " + port).atMost(SERVE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                        s.setSoTimeout(10_000);
                        InputStream in = s.getInputStream();
                        StringBuilder text = new StringBuilder();
                        int c;
                        while ((c = in.read()) >= 0 && c != '/') {
                            // skip to the start of the next telegram
                        }
                        text.append('/');
                        while ((c = in.read()) >= 0) {
                            text.append((char) c);
                            if (text.length() > 6 && text.charAt(text.length() - 1) == '\n'
                                    && text.lastIndexOf("!") > text.lastIndexOf("\n", text.length() - 2)) {
                                break;
                            }
                        }
                        return text.toString();
                    }
                }, t -> t.startsWith("/") && t.endsWith("\r\n"));
    }

    private static void awaitRefused(int port) {
        await("port " + port + " to close").atMost(SERVE_TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return false;
            } catch (IOException e) {
                return true;
            }
        });
    }

    private int status(String path) {
        return send(path).statusCode();
    }

    private String body(String path) {
        HttpResponse<String> r = send(path);
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** A browser's request: no credentials. */
    private HttpResponse<String> send(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(openhab().rest().base() + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(path, e);
        }
    }

    /** The web socket's messages from connecting up to the first one of this topic. */
    private List<JsonObject> webSocketMessagesUntil(String topic) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            Session session = client
                    .connect(new Listener(received), URI.create("ws://127.0.0.1:" + openhab().port() + "/ws/p1meter"))
                    .get(10, TimeUnit.SECONDS);
            List<JsonObject> messages = new ArrayList<>();
            while (messages.isEmpty() || !topic.equals(messages.get(messages.size() - 1).get("topic").getAsString())) {
                String m = received.poll(SERVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertThat(m).as("web socket message " + messages.size()).isNotNull();
                assertThat(messages).as("messages before the first " + topic).hasSizeLessThan(10);
                messages.add(JsonParser.parseString(m).getAsJsonObject());
            }
            session.close();
            return messages;
        } finally {
            client.stop();
        }
    }

    /** A browser's end of the dashboard's web socket. */
    @WebSocket
    public static final class Listener {
        private final BlockingQueue<String> received;

        Listener(BlockingQueue<String> received) {
            this.received = received;
        }

        @OnWebSocketMessage
        public void onMessage(String message) {
            received.add(message);
        }
    }
}
