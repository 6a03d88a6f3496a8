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
package org.openhab.binding.p1meter.internal.output.webhook;

import static org.assertj.core.api.Assertions.*;
import static org.openhab.binding.p1meter.internal.reader.TestTelegrams.*;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

/**
 * The webhook against a real HTTP server on 127.0.0.1. Expected values are the corpus' (dsmr_parser's) reading
 * of the Kaifa telegram: 1-0:1.8.1 2000.123, 1-0:1.8.2 1000.456, 1-0:2.8.1 1000.456, 1-0:2.8.2 2000.789 kWh, gas
 * 1543.012 m3 captured 2019-05-14 21:00 (S: +02:00).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WebhookPosterTest {

    /** One request as the server saw it. */
    record Request(String contentType, @Nullable String authorization, String body) {
    }

    private @Nullable HttpServer server;
    private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    /** What the server does with request n (1-based): a status, or -1 to hang for 3 s. */
    private volatile java.util.function.IntUnaryOperator behaviour = n -> 200;
    private final AtomicInteger count = new AtomicInteger();
    private @Nullable WebhookPoster poster;

    @BeforeEach
    void startServer() throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int n = count.incrementAndGet();
            requests.add(new Request(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status = behaviour.applyAsInt(n);
            if (status < 0) {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200;
            }
            exchange.sendResponseHeaders(status, 2);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("ok".getBytes(StandardCharsets.US_ASCII));
            }
        });
        s.setExecutor(serverThreads);
        s.start();
        server = s;
    }

    @AfterEach
    void stop() {
        WebhookPoster p = poster;
        if (p != null) {
            p.close();
        }
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
        }
        serverThreads.shutdownNow();
    }

    private URI url() {
        HttpServer s = server;
        assertThat(s).isNotNull();
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/hook");
    }

    private WebhookPoster start(WebhookConfig config, ManualFeed feed) throws IOException {
        WebhookPoster p = new WebhookPoster(config);
        poster = p;
        p.start(feed);
        return p;
    }

    private Request next() throws InterruptedException {
        Request r = requests.poll(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request within 5 s");
        }
        return r;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void formPostIsImmediateFlattenedFilteredAndCarriesHeaders() throws Exception {
        ManualFeed feed = new ManualFeed();
        // smartmeter2mqtt's field list; an interval of an hour: only the immediate first post can arrive
        WebhookConfig config = new WebhookConfig(url(), Duration.ofHours(1), false,
                List.of("powerTs", "totalT1Use", "totalT2Use", "totalT1Delivered", "totalT2Delivered", "gas_ts",
                        "gas_totalUse"),
                Map.of("Authorization", "Bearer s3cret"), Duration.ofSeconds(2), Duration.ofSeconds(2));
        start(config, feed);
        feed.publish(telegram(KAIFA));
        Request r = next();
        assertThat(r.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.authorization()).isEqualTo("Bearer s3cret");
        Map<String, String> f = form(r.body());
        assertThat(f.keySet()).containsExactlyInAnyOrder("powerTs", "totalT1Use", "totalT2Use", "totalT1Delivered",
                "totalT2Delivered", "gas_ts", "gas_totalUse");
        assertThat(Double.parseDouble(f.get("totalT1Use"))).isEqualTo(2000.123);
        assertThat(Double.parseDouble(f.get("totalT2Use"))).isEqualTo(1000.456);
        assertThat(Double.parseDouble(f.get("totalT1Delivered"))).isEqualTo(1000.456);
        assertThat(Double.parseDouble(f.get("totalT2Delivered"))).isEqualTo(2000.789);
        assertThat(Double.parseDouble(f.get("gas_totalUse"))).isEqualTo(1543.012);
        assertThat(f.get("gas_ts")).startsWith("2019-05-14T21:00:00");
        assertThat(f.get("powerTs")).startsWith("2019-05-14T21:36:20");

        feed.publish(telegram(KAIFA));
        assertThat(requests.poll(500, TimeUnit.MILLISECONDS)).as("next post only after the interval").isNull();
    }

    @Test
    void jsonPostHasEveryFieldFlattened() throws Exception {
        ManualFeed feed = new ManualFeed();
        start(WebhookConfig.of(url().toString()).withJson(true), feed);
        feed.publish(telegram(KAIFA));
        Request r = next();
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.authorization()).isNull();
        JsonObject o = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(o.has("gas")).isFalse();
        assertThat(o.get("gas_totalUse").getAsDouble()).isEqualTo(1543.012);
        assertThat(o.get("header").getAsString()).isEqualTo("KFM5KAIFA-METER");
        assertThat(o.get("totalT1Use").getAsDouble()).isEqualTo(2000.123);
        assertThat(o.get("currentUsage").getAsDouble()).isEqualTo(0.329);
        assertThat(o.get("crc").getAsBoolean()).isTrue();
    }

    @Test
    void aFieldNameSelectsItsFlattenedParts() throws Exception {
        ManualFeed feed = new ManualFeed();
        start(WebhookConfig.of(url().toString()).withJson(true).withFields(List.of("gas", "currentUsage")), feed);
        feed.publish(telegram(KAIFA));
        JsonObject o = JsonParser.parseString(next().body()).getAsJsonObject();
        assertThat(o.keySet()).containsExactlyInAnyOrder("gas_ts", "gas_totalUse", "currentUsage");
    }

    @Test
    void serverErrorThenRecoveryWithTheLatestReading() throws Exception {
        behaviour = n -> n == 1 ? 500 : 200;
        ManualFeed feed = new ManualFeed();
        WebhookPoster p = start(WebhookConfig.of(url().toString()).withJson(true).withInterval(Duration.ofMillis(300)),
                feed);
        feed.publish(telegram(KAIFA));
        assertThat(JsonParser.parseString(next().body()).getAsJsonObject().get("header").getAsString())
                .isEqualTo(header(KAIFA));
        feed.publish(telegram(ISKRA));
        assertThat(JsonParser.parseString(next().body()).getAsJsonObject().get("header").getAsString())
                .isEqualTo(header(ISKRA));
        Await.until(Duration.ofSeconds(5), () -> p.postedCount() == 1);
        assertThat(p.failedCount()).isEqualTo(1);
    }

    @Test
    void hangingServerTimesOutWithoutHoldingUpTheFeed() throws Exception {
        behaviour = n -> n == 1 ? -1 : 200;
        ManualFeed feed = new ManualFeed();
        WebhookPoster p = start(WebhookConfig.of(url().toString()).withInterval(Duration.ofMillis(300))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(500)).withFields(List.of()), feed);
        feed.publish(telegram(KAIFA));
        next(); // hangs for 3 s on the server
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            feed.publish(telegram(i % 2 == 0 ? ISKRA : FLUVIUS));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).as("the feed is never blocked")
                .isLessThan(1000);
        Await.until(Duration.ofSeconds(5), () -> p.failedCount() == 1);
        Request retry = next();
        assertThat(form(retry.body()).get("header")).isEqualTo(header(FLUVIUS)); // the latest reading
        Await.until(Duration.ofSeconds(5), () -> p.postedCount() >= 1);
    }

    @Test
    void badConfigurationIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> WebhookConfig.of("ftp://example.org/x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http");
        assertThatThrownBy(() -> WebhookConfig.of("http://exa mple.org/")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid post URL");
        assertThatThrownBy(() -> WebhookConfig.of("http://example.org/").withInterval(Duration.ofSeconds(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
