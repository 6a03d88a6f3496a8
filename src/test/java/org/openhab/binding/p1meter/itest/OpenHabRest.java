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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * openHAB's REST API as its web UI uses it: JSON over HTTP, as the kit's administrator (HTTP Basic, which the kit
 * allows), and the server-sent event stream at {@code /rest/events}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class OpenHabRest implements AutoCloseable {

    public static final Gson GSON = new Gson();
    private static final String AUTH = "Basic "
            + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String base;
    private final HttpClient http;
    private final List<EventStream> streams = new CopyOnWriteArrayList<>();

    OpenHabRest(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public String base() {
        return base;
    }

    /** GET, expecting 200, as JSON. */
    public JsonElement get(String path) {
        return json(expect(send("GET", path, null, "application/json"), 200));
    }

    /** The status code of a GET, or -1 when nothing answers. */
    public int status(String path) {
        try {
            return http.send(request("GET", path, null, "application/json"), BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    public HttpResponse<String> post(String path, @Nullable Object json) {
        return send("POST", path, json, "application/json");
    }

    /** POST of a plain text body, as openHAB's item command and inbox approval resources take it. */
    public HttpResponse<String> postText(String path, String text) {
        return send("POST", path, text, "text/plain");
    }

    public HttpResponse<String> put(String path, @Nullable Object json) {
        return send("PUT", path, json, "application/json");
    }

    public HttpResponse<String> delete(String path) {
        return send("DELETE", path, null, "application/json");
    }

    public static HttpResponse<String> expect(HttpResponse<String> response, int... codes) {
        for (int code : codes) {
            if (response.statusCode() == code) {
                return response;
            }
        }
        throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    public static JsonElement json(HttpResponse<String> response) {
        String body = response.body();
        return body == null || body.isBlank() ? JsonNull.INSTANCE : JsonParser.parseString(body);
    }

    public static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> send(String method, String path, @Nullable Object body, String contentType) {
        try {
            return http.send(request(method, path, body, contentType), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private HttpRequest request(String method, String path, @Nullable Object body, String contentType) {
        String text = body == null ? null : body instanceof String s ? s : body.toString();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", AUTH).header("Accept", "application/json");
        if (text != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.method(method, text == null ? BodyPublishers.noBody() : BodyPublishers.ofString(text)).build();
    }

    /**
     * Subscribes to openHAB's event bus over SSE ({@code /rest/events?topics=...}), as the web UI does. The
     * subscription is open when this returns: openHAB registers it before it answers with the response headers.
     */
    public EventStream events(String topics) {
        EventStream stream = new EventStream();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/rest/events?topics=" + encode(topics)))
                .header("Authorization", AUTH).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = http.sendAsync(request, BodyHandlers.ofLines());
        stream.future = response.thenAcceptAsync(r -> {
            try (Stream<String> lines = r.body()) {
                lines.forEach(stream::line);
            }
        });
        streams.add(stream);
        HttpResponse<Stream<String>> headers = response.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (headers.statusCode() != 200) {
            throw new AssertionError("GET /rest/events answered " + headers.statusCode());
        }
        return stream;
    }

    @Override
    public void close() {
        streams.forEach(EventStream::close);
    }

    /** The events one SSE subscription received, in order, each with the time it arrived. */
    public static final class EventStream implements AutoCloseable {
        private final List<Event> events = new CopyOnWriteArrayList<>();
        private CompletableFuture<Void> future = CompletableFuture.completedFuture(null);

        private void line(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            JsonObject event = JsonParser.parseString(line.substring(5).trim()).getAsJsonObject();
            String type = event.has("type") ? event.get("type").getAsString() : "";
            if ("ALIVE".equals(type)) {
                return;
            }
            events.add(new Event(System.nanoTime(), type, event.get("topic").getAsString(),
                    event.has("payload") ? event.get("payload").getAsString() : ""));
        }

        public List<Event> events() {
            return new ArrayList<>(events);
        }

        public void clear() {
            events.clear();
        }

        @Override
        public void close() {
            future.cancel(true);
        }
    }

    /** One event of openHAB's event bus: its type (ItemStateEvent, ThingStatusInfoChangedEvent, ...) and topic. */
    public record Event(long nanos, String type, String topic, String payload) {
        /** The item, thing or rule the topic names: {@code openhab/items/<name>/state} gives {@code <name>}. */
        public String subject() {
            String[] parts = topic.split("/");
            return parts.length > 2 ? parts[2] : "";
        }

        public JsonObject payloadJson() {
            return JsonParser.parseString(payload).getAsJsonObject();
        }
    }
}
