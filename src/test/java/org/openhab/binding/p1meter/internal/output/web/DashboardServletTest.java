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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openhab.binding.p1meter.internal.dsmr.TelegramParser;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The dashboard servlet in a real Jetty on a loopback port, asked over real HTTP.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DashboardServletTest {

    private final ManualFeed feed = new ManualFeed();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final DashboardHub hub = new DashboardHub(feed);
    private WebTestServer daemon;
    private WebTestServer openhab;

    @BeforeEach
    void start() throws Exception {
        hub.start();
        daemon = new WebTestServer(new DashboardServlet(feed, "./"), "/*", (req, resp) -> hub.newSocket(), "/");
        openhab = new WebTestServer(new DashboardServlet(feed, "../ws/p1meter"), "/p1meter/*",
                (req, resp) -> hub.newSocket(), "/ws/p1meter");
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        daemon.close();
        openhab.close();
    }

    private HttpResponse<String> get(URI uri, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void servesThePageWithTheSocketPathAndRevalidation() throws Exception {
        HttpResponse<String> page = get(daemon.http("/"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).startsWith("text/html").containsIgnoringCase("charset=utf-8");
        assertThat(header(page, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(page, "ETag")).matches("\"[0-9a-f]{20}\"");
        assertThat(header(page, "Content-Security-Policy")).contains("default-src 'self'");
        assertThat(page.body()).contains("data-ws-url=\"./\"").contains("id=\"net-power\"").doesNotContain("{{");

        HttpResponse<String> again = get(daemon.http("/"), "If-None-Match", header(page, "ETag"));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        assertThat(get(daemon.http("/index.html")).body()).isEqualTo(page.body());
    }

    @Test
    void underAPrefixRedirectsToTheSlashAndPointsAtTheOpenhabSocket() throws Exception {
        HttpResponse<String> bare = get(openhab.http("/p1meter?lang=nl"));
        assertThat(bare.statusCode()).isEqualTo(302);
        assertThat(header(bare, "Location")).endsWith("/p1meter/?lang=nl");

        HttpResponse<String> page = get(openhab.http("/p1meter/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-ws-url=\"../ws/p1meter\"");
        assertThat(get(openhab.http("/p1meter/app.css")).statusCode()).isEqualTo(200);
        assertThat(get(openhab.http("/app.css")).statusCode()).isEqualTo(404);
    }

    @Test
    void servesAssetsWithTheirTypesAndCachesVersionedOnesForGood() throws Exception {
        String page = get(daemon.http("/")).body();
        Matcher m = Pattern.compile("app\\.js\\?v=([0-9a-f]+)").matcher(page);
        assertThat(m.find()).as("the page links its script with a version").isTrue();
        String version = m.group(1);
        assertThat(page).contains("app.css?v=" + version).contains("icon.svg?v=" + version);

        HttpResponse<String> js = get(daemon.http("/app.js?v=" + version));
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(header(js, "Content-Type")).startsWith("text/javascript");
        assertThat(header(js, "Cache-Control")).isEqualTo("public, max-age=31536000, immutable");
        assertThat(header(js, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(js.body()).contains("api/reading");

        HttpResponse<String> unversioned = get(daemon.http("/app.js"));
        assertThat(header(unversioned, "Cache-Control")).isEqualTo("no-cache");
        assertThat(header(unversioned, "ETag")).isEqualTo(header(js, "ETag"));
        assertThat(get(daemon.http("/app.js"), "If-None-Match", "W/" + header(js, "ETag")).statusCode()).isEqualTo(304);

        assertThat(header(get(daemon.http("/app.css")), "Content-Type")).startsWith("text/css");
        assertThat(header(get(daemon.http("/icon.svg")), "Content-Type")).startsWith("image/svg+xml");
        assertThat(header(get(daemon.http("/app.css")), "ETag")).isNotEqualTo(header(js, "ETag"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "/nope.js", "/web/app.js", "/app.js/", "/index.htm", "/api", "/api/reading/x",
            "/org/openhab/binding/p1meter/internal/output/web/DashboardServlet.class" })
    void unknownPathsAre404(String path) throws Exception {
        HttpResponse<String> response = get(daemon.http(path));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(header(response, "Content-Type")).startsWith("text/plain");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/../pom.xml", "/..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/web/../web/app.js",
            "/..\\app.js", "/./app.js/../../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/app.js%00.html" })
    void pathTraversalReachesNothing(String path) throws Exception {
        // sent byte for byte over a socket: an HTTP client library would normalise these paths first
        try (Socket socket = new Socket("127.0.0.1", daemon.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String status = response.substring(0, response.indexOf("\r\n"));
            assertThat(status).matches("HTTP/1\\.1 40[04] .*");
            assertThat(response).doesNotContain("root:").doesNotContain("<project").doesNotContain("api/reading");
        }
    }

    @Test
    void readingIs503WithAJsonErrorBeforeTheFirstTelegram() throws Exception {
        HttpResponse<String> response = get(daemon.http("/api/reading"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        assertThat(header(response, "Retry-After")).isEqualTo("5");
        JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(error.get("error").getAsString()).containsIgnoringCase("no telegram");
        assertThat(error.get("status").getAsInt()).isEqualTo(503);
        // smartmeter2mqtt answered {"err":"No reading just yet!"}: its clients read "err"
        assertThat(error.get("err").getAsString()).containsIgnoringCase("no telegram");
    }

    @Test
    void readingIsTheJsonOfTheLastTelegram() throws Exception {
        feed.publish(WebTelegrams.telegram(1.754, 0, "2025-06-14T13:15:07+02:00"));

        HttpResponse<String> response = get(daemon.http("/api/reading"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        JsonObject reading = JsonParser.parseString(response.body()).getAsJsonObject();
        // values of the contract, worked out by hand from the telegram above
        assertThat(reading.get("currentUsage").getAsDouble()).isEqualTo(1.754);
        assertThat(reading.get("currentDelivery").getAsDouble()).isEqualTo(0.0);
        assertThat(reading.get("calculatedUsage").getAsDouble()).isEqualTo(1754.0);
        assertThat(reading.get("totalT1Use").getAsDouble()).isEqualTo(1234.567);
        assertThat(reading.get("currentTarrif").getAsInt()).isEqualTo(2);
        assertThat(reading.get("voltageL1").getAsDouble()).isEqualTo(231.2);
        assertThat(reading.get("crc").getAsBoolean()).isTrue();
        assertThat(reading.has("gas")).as("absent data is absent").isFalse();

        feed.publish(WebTelegrams.telegram(0, 0.56, "2025-06-14T13:15:08+02:00"));
        JsonObject next = JsonParser.parseString(get(openhab.http("/p1meter/api/reading")).body()).getAsJsonObject();
        assertThat(next.get("calculatedUsage").getAsDouble()).isEqualTo(-560.0);
        assertThat(next.get("currentDelivery").getAsDouble()).isEqualTo(0.56);
    }

    /** A real Belgian telegram from the corpus; the values it must show are those of the independent oracle. */
    @Test
    void readingOfARealBelgianTelegramCarriesWhatTheOracleRead() throws Exception {
        byte[] raw = TestTelegrams.bytes(TestTelegrams.FLUVIUS);
        String oracle = new String(TestTelegrams.file(TestTelegrams.FLUVIUS + ".expected.json"),
                StandardCharsets.UTF_8);
        feed.publish(TelegramParser.parse(raw, true));
        JsonObject obis = JsonParser.parseString(oracle).getAsJsonObject().getAsJsonObject("obis");

        JsonObject reading = JsonParser.parseString(get(daemon.http("/api/reading")).body()).getAsJsonObject();
        assertThat(reading.get("averageDemand").getAsBigDecimal())
                .isEqualByComparingTo(obis.getAsJsonObject("1-0:1.4.0").get("value").getAsBigDecimal());
        JsonObject peak = reading.getAsJsonObject("peakDemand");
        JsonObject oraclePeak = obis.getAsJsonObject("1-0:1.6.0");
        assertThat(peak.get("value").getAsBigDecimal()).isEqualByComparingTo(oraclePeak.get("value").getAsBigDecimal());
        assertThat(OffsetDateTime.parse(peak.get("ts").getAsString()).toInstant())
                .isEqualTo(OffsetDateTime.parse(oraclePeak.get("timestamp").getAsString()).toInstant());
        assertThat(reading.getAsJsonObject("gas").get("totalUse").getAsBigDecimal())
                .isEqualByComparingTo(obis.getAsJsonObject("0-1:24.2.3").get("value").getAsBigDecimal());
        assertThat(reading.getAsJsonObject("water").get("totalUse").getAsBigDecimal())
                .isEqualByComparingTo(obis.getAsJsonObject("0-2:24.2.1").get("value").getAsBigDecimal());
        assertThat(reading.get("voltageL2").getAsBigDecimal())
                .isEqualByComparingTo(obis.getAsJsonObject("1-0:52.7.0").get("value").getAsBigDecimal());
        assertThat(reading.getAsJsonArray("peakDemandHistory")).hasSize(3);
    }

    @Test
    void rawIsTheLastTelegramByteForByteAsPlainText() throws Exception {
        HttpResponse<String> none = get(daemon.http("/api/raw"));
        assertThat(none.statusCode()).isEqualTo(503);
        assertThat(header(none, "Content-Type")).startsWith("text/plain");
        assertThat(header(none, "Retry-After")).isEqualTo("5");
        assertThat(none.body()).containsIgnoringCase("no telegram");

        byte[] file = TestTelegrams.bytes(TestTelegrams.FLUVIUS);
        feed.publish(TelegramParser.parse(file, true));
        for (URI uri : List.of(daemon.http("/api/raw"), openhab.http("/p1meter/api/raw"))) {
            HttpResponse<byte[]> raw = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(raw.statusCode()).isEqualTo(200);
            assertThat(header(raw, "Content-Type")).startsWith("text/plain");
            assertThat(header(raw, "Cache-Control")).isEqualTo("no-store");
            // the capture, from "/FLU5" to the CRC line's CRLF, exactly as the meter sent it
            assertThat(raw.body()).isEqualTo(file);
            assertThat(new String(raw.body(), StandardCharsets.US_ASCII)).startsWith("/FLU5\\253769484_A\r\n")
                    .endsWith("!3AD7\r\n");
        }
    }

    @Test
    void statusSaysWhatTheSourceDoesAndHowLongAgoTheLastTelegramArrived() throws Exception {
        JsonObject unknown = JsonParser.parseString(get(daemon.http("/api/status")).body()).getAsJsonObject();
        assertThat(unknown.get("state").getAsString()).isEqualTo("unknown");
        assertThat(unknown.has("telegramAgeMs")).isFalse();

        feed.state(ConnectionState.CONNECTED, "connected to tcp 10.0.0.5:8088");
        long arrived = System.currentTimeMillis() - 90_000;
        feed.publish(WebTelegrams.telegram(1, 0, "2019-03-01T12:00:00+01:00"), arrived);
        feed.state(ConnectionState.DISCONNECTED, "cannot connect to 10.0.0.5:8088: connection refused");

        HttpResponse<String> response = get(openhab.http("/p1meter/api/status"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).startsWith("application/json");
        assertThat(header(response, "Cache-Control")).isEqualTo("no-store");
        JsonObject status = JsonParser.parseString(response.body()).getAsJsonObject();
        assertThat(status.get("state").getAsString()).isEqualTo("disconnected");
        assertThat(status.get("message").getAsString()).contains("connection refused");
        // by the arrival, not by the meter's clock (2019)
        assertThat(status.get("telegramAgeMs").getAsLong()).isBetween(90_000L, 90_000L + 60_000L);
        assertThat(status.get("stateAgeMs").getAsLong()).isBetween(0L, 60_000L);
    }

    @Test
    void aTelegramThatCannotBeWrittenIsA500AndTheNextOneWorks() throws Exception {
        try (WebTestServer failing = new WebTestServer(new DashboardServlet(feed, "./", t -> {
            if (t.get(org.openhab.binding.p1meter.internal.dsmr.Quantity.POWER_IMPORT) > 5) {
                throw new IllegalArgumentException("cannot write this one");
            }
            return "{\"ok\":true}";
        }), "/*", (req, resp) -> hub.newSocket(), "/")) {
            feed.publish(WebTelegrams.telegram(9, 0, "2025-06-14T13:15:07+02:00"));
            HttpResponse<String> bad = get(failing.http("/api/reading"));
            assertThat(bad.statusCode()).isEqualTo(500);
            assertThat(JsonParser.parseString(bad.body()).getAsJsonObject().get("error").getAsString())
                    .contains("could not be written");

            feed.publish(WebTelegrams.telegram(1, 0, "2025-06-14T13:15:08+02:00"));
            HttpResponse<String> good = get(failing.http("/api/reading"));
            assertThat(good.statusCode()).isEqualTo(200);
            assertThat(good.body()).isEqualTo("{\"ok\":true}");
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(daemon.http("/api/reading"))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);

        HttpResponse<String> head = client.send(
                HttpRequest.newBuilder(daemon.http("/app.js")).timeout(Duration.ofSeconds(5))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(Long.parseLong(header(head, "Content-Length"))).isGreaterThan(1000);
    }
}
