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

import static org.assertj.core.api.Assertions.*;
import static org.openhab.binding.p1meter.internal.reader.TestTelegrams.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.output.tcp.JsonTcpServer;
import org.openhab.binding.p1meter.internal.output.tcp.RawTcpServer;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookConfig;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookPoster;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The output services as openHAB drives them: configuration maps in, outputs following the bridge registry out.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OutputServicesTest {

    private static Map<String, @Nullable Object> config(Object... keyValues) {
        Map<String, @Nullable Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void rawServiceServesTheChosenBridgeOnlyAndFollowsConfigurationChanges() throws Exception {
        P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
        ManualFeed home = new ManualFeed();
        ManualFeed other = new ManualFeed();
        registry.register("p1meter:tcp:home", home);
        registry.register("p1meter:tcp:other", other);
        RawTcpService service = new RawTcpService(registry, config("enabled", true, "port", BigDecimal.ZERO,
                "bindAddress", "127.0.0.1", "maxClients", BigDecimal.valueOf(2), "bridge", "p1meter:tcp:home"));
        try {
            RawTcpServer server = (RawTcpServer) service.output();
            assertThat(server).isNotNull();
            int port = server.localPort();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                client.setSoTimeout(5000);
                Await.until(Duration.ofSeconds(5), () -> server.clientCount() == 1);
                other.publish(telegram(ISKRA)); // another bridge: not ours
                home.publish(telegram(KAIFA));
                byte[] expected = bytes(KAIFA);
                byte[] got = client.getInputStream().readNBytes(expected.length);
                assertThat(got).isEqualTo(expected);

                // the same configuration again (saved without changes): the server and its client stay
                service.modified(config("enabled", true, "port", BigDecimal.ZERO, "bindAddress", "127.0.0.1",
                        "maxClients", BigDecimal.valueOf(2), "bridge", "p1meter:tcp:home"));
                assertThat(service.output()).isSameAs(server);
                home.publish(telegram(FLUVIUS));
                assertThat(client.getInputStream().readNBytes(bytes(FLUVIUS).length)).isEqualTo(bytes(FLUVIUS));
            }

            service.modified(config("enabled", false));
            assertThat(service.output()).isNull();
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                    .isInstanceOf(ConnectException.class);
        } finally {
            service.deactivate();
        }
    }

    @Test
    void jsonServiceTakesTextValuesAsFromACfgFile() throws Exception {
        P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
        ManualFeed feed = new ManualFeed();
        registry.register("p1meter:serial:meter", feed);
        JsonTcpService service = new JsonTcpService(registry,
                config("enabled", "true", "port", "0", "bindAddress", "127.0.0.1"));
        try {
            JsonTcpServer server = (JsonTcpServer) service.output();
            assertThat(server).isNotNull();
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), server.localPort())) {
                client.setSoTimeout(5000);
                Await.until(Duration.ofSeconds(5), () -> server.clientCount() == 1);
                feed.publish(telegram(KAIFA));
                String line = new java.io.BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertThat(line).startsWith("{\"header\":\"KFM5KAIFA-METER\"");
            }
        } finally {
            service.deactivate();
        }
        assertThat(service.output()).isNull();
    }

    @Test
    void disabledByDefaultAndBadConfigurationLeavesTheOutputOff() throws Exception {
        P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
        assertThat(new RawTcpService(registry, config()).output()).isNull();
        WebhookService noUrl = new WebhookService(registry, config("enabled", true));
        assertThat(noUrl.output()).isNull();
        WebhookService badUrl = new WebhookService(registry, config("enabled", true, "url", "ftp://example.org/"));
        assertThat(badUrl.output()).isNull();
        WebhookService good = new WebhookService(registry, config("enabled", true, "url", "http://127.0.0.1:9/hook",
                "format", "json", "headers", List.of("Authorization: Bearer x"), "interval", BigDecimal.TEN));
        assertThat(good.output()).isNotNull();
        assertThat(good.output().describe()).contains("every 10 s").contains("JSON");
        good.deactivate();
    }

    /**
     * The webhook's settings go through the function the daemon's {@code --post-*} options use too (its test checks
     * the same from the daemon's side): every field for {@code all} or {@code *}, the timeouts of {@code timeout}.
     */
    @Test
    void theWebhookReadsItsSettingsAsTheDaemonReadsItsOptions() {
        P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();
        WebhookService standard = new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook"));
        try {
            WebhookConfig c = webhook(standard);
            assertThat(c.fields()).containsExactly("powerTs", "totalT1Use", "totalT2Use", "totalT1Delivered",
                    "totalT2Delivered", "gas_ts", "gas_totalUse");
            assertThat(c.connectTimeout()).hasSeconds(10);
            assertThat(c.requestTimeout()).hasSeconds(30);
            assertThat(c.interval()).hasSeconds(300);
        } finally {
            standard.deactivate();
        }
        for (String every : List.of("*", "all")) {
            WebhookService s = new WebhookService(registry,
                    config("enabled", true, "url", "http://127.0.0.1:9/hook", "fields", every, "timeout",
                            BigDecimal.valueOf(5), "headers", List.of("Authorization: Bearer x", "X-Meter:home")));
            try {
                WebhookConfig c = webhook(s);
                assertThat(c.fields()).as(every).isEmpty();
                assertThat(c.connectTimeout()).hasSeconds(5);
                assertThat(c.requestTimeout()).hasSeconds(5);
                assertThat(c.headers()).isEqualTo(Map.of("Authorization", "Bearer x", "X-Meter", "home"));
            } finally {
                s.deactivate();
            }
        }
    }

    private static WebhookConfig webhook(WebhookService service) {
        WebhookPoster poster = (WebhookPoster) service.output();
        assertThat(poster).isNotNull();
        return poster.config();
    }

    @Test
    void everyParameterIsDescribedInEnglishAndDutch() throws Exception {
        Properties en = properties("/OH-INF/i18n/p1meter.properties");
        Properties nl = properties("/OH-INF/i18n/p1meter_nl.properties");
        for (String file : List.of("rawtcp", "jsontcp", "webhook")) {
            try (InputStream in = getClass().getResourceAsStream("/OH-INF/config/" + file + ".xml")) {
                assertThat(in).isNotNull();
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                Element d = (Element) f.newDocumentBuilder().parse(in).getElementsByTagName("config-description")
                        .item(0);
                assertThat(d.getAttribute("uri")).isEqualTo("io:p1meter-" + file);
                NodeList params = d.getElementsByTagName("parameter");
                assertThat(params.getLength()).isGreaterThanOrEqualTo(5);
                for (int i = 0; i < params.getLength(); i++) {
                    String key = "io.config.p1meter-" + file + "." + ((Element) params.item(i)).getAttribute("name");
                    for (String seg : List.of(".label", ".description")) {
                        assertThat(en.getProperty(key + seg)).as("en " + key + seg).isNotBlank();
                        assertThat(nl.getProperty(key + seg)).as("nl " + key + seg).isNotBlank();
                    }
                }
            }
        }
    }

    /**
     * What the UI shows is what the service reads: every parameter of a service's config description is a field of
     * its configuration class, with the same default, and every field is a parameter.
     */
    @Test
    void everyParameterIsAFieldOfTheServicesConfigurationWithTheSameDefault() throws Exception {
        Map<String, Class<? extends ServiceConfig>> configs = Map.of("jsontcp", TcpServiceConfig.Json.class, "rawtcp",
                TcpServiceConfig.Raw.class, "webhook", WebhookServiceConfig.class, "mqtt", MqttServiceConfig.class,
                "dashboard", DashboardServiceConfig.class);
        for (Map.Entry<String, Class<? extends ServiceConfig>> e : configs.entrySet()) {
            Map<String, Object> fields = new HashMap<>();
            Object defaults = e.getValue().getConstructor().newInstance();
            for (Class<?> c = e.getValue(); c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers())) {
                        fields.put(f.getName(), f.get(defaults));
                    }
                }
            }
            Map<String, @Nullable String> parameters = new HashMap<>();
            try (InputStream in = getClass().getResourceAsStream("/OH-INF/config/" + e.getKey() + ".xml")) {
                assertThat(in).isNotNull();
                NodeList params = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                        .getElementsByTagName("parameter");
                for (int i = 0; i < params.getLength(); i++) {
                    Element param = (Element) params.item(i);
                    NodeList d = param.getElementsByTagName("default");
                    parameters.put(param.getAttribute("name"),
                            d.getLength() == 0 ? null : d.item(0).getTextContent().trim());
                }
            }
            assertThat(fields.keySet()).as(e.getKey()).containsExactlyInAnyOrderElementsOf(parameters.keySet());
            parameters.forEach((name, xmlDefault) -> {
                if (xmlDefault != null) {
                    assertThat(String.valueOf(fields.get(name))).as(e.getKey() + " " + name).isEqualTo(xmlDefault);
                }
            });
        }
    }

    private static Properties properties(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = OutputServicesTest.class.getResourceAsStream(resource)) {
            assertThat(in).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
