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
package org.openhab.binding.p1meter.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.server.NativeWebSocketServletContainerInitializer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.dsmr.TelegramParser;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The dashboard service and web socket adapter as openHAB mounts them (servlet at {@code /p1meter/*}, adapter
 * at {@code /ws/p1meter}), in a real Jetty, with the real bridge registry.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DashboardServiceTest {

    /** A bridge's reader, driven by hand. */
    static final class Bridge extends ManualFeed {
        void publish(double importKw) {
            publish(new P1Telegram.Builder().header("KFM5KAIFA-METER").crcChecked(true)
                    .timestamp(OffsetDateTime.parse("2025-06-14T13:15:07+02:00")).set(Quantity.POWER_IMPORT, importKw)
                    .set(Quantity.POWER_EXPORT, 0).build());
        }
    }

    @WebSocket
    public static final class Browser {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();

        @OnWebSocketMessage
        public void onText(String text) {
            messages.add(text);
        }

        @OnWebSocketClose
        public void onClose(int code, @Nullable String reason) {
            closes.add(code);
        }
    }

    private final P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebSocketClient ws = new WebSocketClient();
    private @Nullable DashboardService service;
    private @Nullable Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        DashboardService s = new DashboardService(registry, null);
        service = s;
        DashboardWebSocketAdapter adapter = new DashboardWebSocketAdapter(s);
        Server jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder(s.servlet()), DashboardService.PATH + "/*");
        NativeWebSocketServletContainerInitializer.configure(context, (sc, config) -> config
                .addMapping("/ws/" + adapter.getId(), (req, resp) -> adapter.createWebSocket(req, resp)));
        WebSocketUpgradeFilter.configure(context);
        jetty.setHandler(context);
        jetty.start();
        server = jetty;
        port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        ws.start();
    }

    @AfterEach
    void stop() throws Exception {
        ws.stop();
        DashboardService s = service;
        if (s != null) {
            s.deactivate();
        }
        Server jetty = server;
        if (jetty != null) {
            jetty.stop();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePageAndTheReadingOfTheBridgeAndPushesOverTheAdapter() throws Exception {
        HttpResponse<String> page = get("/p1meter/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-ws-url=\"../ws/p1meter\"");
        assertThat(get("/p1meter/api/reading").statusCode()).as("no bridge yet").isEqualTo(503);

        Bridge home = new Bridge();
        registry.register("p1meter:serial:home", home);
        home.publish(1.5);
        HttpResponse<String> reading = get("/p1meter/api/reading");
        assertThat(reading.statusCode()).isEqualTo(200);
        assertThat(reading.body()).contains("\"calculatedUsage\":1500");

        home.state(ConnectionState.CONNECTED, "connected to serial /dev/ttyUSB0");
        Browser browser = new Browser();
        ws.connect(browser, URI.create("ws://127.0.0.1:" + port + "/ws/p1meter")).get(5, TimeUnit.SECONDS);
        assertThat(browser.messages.poll(5, TimeUnit.SECONDS)).startsWith("{\"topic\":\"power\"")
                .contains("\"calculatedUsage\":1500");
        assertThat(browser.messages.poll(5, TimeUnit.SECONDS)).startsWith("{\"topic\":\"history\"")
                .contains("\"net\":1500");
        assertThat(browser.messages.poll(5, TimeUnit.SECONDS)).startsWith("{\"topic\":\"status\"")
                .contains("\"state\":\"connected\"").contains("/dev/ttyUSB0");
        home.publish(0.25);
        assertThat(browser.messages.poll(5, TimeUnit.SECONDS)).startsWith("{\"topic\":\"dsmr\"")
                .contains("\"calculatedUsage\":250");
        // the bridge loses its cable: the page hears it at once, not when the readings have grown old
        home.state(ConnectionState.DISCONNECTED, "serial port /dev/ttyUSB0 is gone");
        assertThat(browser.messages.poll(5, TimeUnit.SECONDS)).startsWith("{\"topic\":\"status\"")
                .contains("\"state\":\"disconnected\"").contains("is gone");
        JsonObject status = JsonParser.parseString(get("/p1meter/api/status").body()).getAsJsonObject();
        assertThat(status.get("state").getAsString()).isEqualTo("disconnected");
    }

    @Test
    void servesTheRawTelegramOfTheBridge() throws Exception {
        assertThat(get("/p1meter/api/raw").statusCode()).as("no bridge yet").isEqualTo(503);
        byte[] file = TestTelegrams.bytes(TestTelegrams.ISKRA);
        Bridge home = new Bridge();
        registry.register("p1meter:serial:home", home);
        home.publish(TelegramParser.parse(file, true));

        HttpResponse<byte[]> raw = http
                .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/p1meter/api/raw"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(raw.body()).isEqualTo(file);
    }

    @Test
    void switchedOffAnswers404AndClosesSocketsThenComesBack() throws Exception {
        DashboardService s = service;
        assertThat(s).isNotNull();
        Bridge home = new Bridge();
        registry.register("p1meter:serial:home", home);
        Browser before = new Browser();
        ws.connect(before, URI.create("ws://127.0.0.1:" + port + "/ws/p1meter")).get(5, TimeUnit.SECONDS);

        int listening = home.listenerCount();
        s.modified(Map.of("enabled", false));
        // 1001 when the server had taken the socket in before the switch, 1013 when its connect came just after:
        // closed either way, never left open
        assertThat(before.closes.poll(5, TimeUnit.SECONDS)).as("open sockets are closed").isIn(1001, 1013);
        HttpResponse<String> off = get("/p1meter/");
        assertThat(off.statusCode()).isEqualTo(404);
        assertThat(off.body()).contains("switched off");
        Browser refused = new Browser();
        ws.connect(refused, URI.create("ws://127.0.0.1:" + port + "/ws/p1meter")).get(5, TimeUnit.SECONDS);
        assertThat(refused.closes.poll(5, TimeUnit.SECONDS)).isEqualTo(1013);
        assertThat(home.listenerCount()).as("the dashboard stops listening while off").isEqualTo(listening - 1);

        s.modified(Map.of("enabled", true));
        home.publish(2);
        assertThat(get("/p1meter/api/reading").body()).contains("\"calculatedUsage\":2000");
    }

    @Test
    void showsOnlyTheConfiguredBridge() throws Exception {
        DashboardService s = service;
        assertThat(s).isNotNull();
        Bridge home = new Bridge();
        Bridge garage = new Bridge();
        registry.register("p1meter:serial:home", home);
        registry.register("p1meter:tcp:garage", garage);
        s.modified(Map.of("enabled", "true", "bridge", "p1meter:tcp:garage"));

        garage.publish(0.7);
        home.publish(3);
        assertThat(get("/p1meter/api/reading").body()).contains("\"calculatedUsage\":700");
    }

    @Test
    void everyDashboardParameterIsLabelledInEnglishAndDutch() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties nl = new java.util.Properties();
        try (InputStream e = getClass().getResourceAsStream("/OH-INF/i18n/p1meter.properties");
                InputStream n = getClass().getResourceAsStream("/OH-INF/i18n/p1meter_nl.properties")) {
            assertThat(e).isNotNull();
            assertThat(n).isNotNull();
            en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
            nl.load(new java.io.InputStreamReader(n, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String parameter : List.of("enabled", "bridge")) {
            for (String part : List.of("label", "description")) {
                String key = "io.config.p1meter-dashboard." + parameter + "." + part;
                assertThat(en.getProperty(key)).as(key).isNotBlank();
                assertThat(nl.getProperty(key)).as(key + " (nl)").isNotBlank();
            }
        }
        assertThat(nl.getProperty("io.config.p1meter-dashboard.enabled.label")).isEqualTo("Ingeschakeld");
    }

    @Test
    void configDescriptionIsValidAgainstTheOpenhabSchema() throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        try (InputStream xsd = getClass().getResourceAsStream("/openhab-schemas/config-description-1.0.0.xsd");
                InputStream xml = getClass().getResourceAsStream("/OH-INF/config/dashboard.xml")) {
            assertThat(xsd).isNotNull();
            assertThat(xml).isNotNull();
            factory.newSchema(new StreamSource(xsd)).newValidator().validate(new StreamSource(xml));
        }
        try (InputStream xml = getClass().getResourceAsStream("/OH-INF/config/dashboard.xml")) {
            assertThat(xml).isNotNull();
            assertThat(new String(xml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("uri=\"" + DashboardService.CONFIG_URI + "\"");
        }
    }
}
