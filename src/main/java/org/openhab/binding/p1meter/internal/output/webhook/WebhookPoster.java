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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.output.NetworkFailure;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.reader.P1Feed;
import org.openhab.binding.p1meter.internal.reader.P1Listener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Posts the latest reading to a URL: the first one at once, then the latest every interval (smartmeter2mqtt's
 * {@code --post-url}). As smartmeter2mqtt does, nested objects are flattened ({@code gas} becomes
 * {@code gas_ts} and {@code gas_totalUse}) in both formats, so that existing receivers keep working; lists
 * stay JSON lists (as text in form fields).
 *
 * <p>
 * Posts run on the poster's own thread with connect and response timeouts; a failing endpoint is logged and
 * simply gets the then-latest reading at the next interval. The reader is never held up.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class WebhookPoster implements P1Output, P1Listener {

    private final Logger logger = LoggerFactory.getLogger(WebhookPoster.class);

    private final WebhookConfig config;
    private final AtomicBoolean firstSeen = new AtomicBoolean();
    private final AtomicLong posted = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile @Nullable P1Telegram latest;
    private @Nullable P1Telegram lastPosted;
    private boolean lastFailed;
    private @Nullable P1Feed feed;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable HttpClient client;

    public WebhookPoster(WebhookConfig config) {
        this.config = config;
    }

    @Override
    public synchronized void start(P1Feed feed) throws IOException {
        client = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "p1-webhook-" + config.url().getHost());
            t.setDaemon(true);
            return t;
        });
        this.feed = feed;
        feed.addListener(this);
    }

    @Override
    public void onTelegram(P1Telegram telegram) {
        latest = telegram;
        if (firstSeen.compareAndSet(false, true)) {
            ScheduledExecutorService s = scheduler;
            if (s != null && !s.isShutdown()) {
                long period = config.interval().toMillis();
                s.scheduleAtFixedRate(this::postLatest, 0, period, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** What it posts where, and how often. */
    public WebhookConfig config() {
        return config;
    }

    /** Successful posts so far. */
    public long postedCount() {
        return posted.get();
    }

    /** Failed posts so far. */
    public long failedCount() {
        return failed.get();
    }

    private void postLatest() {
        P1Telegram telegram = latest;
        if (telegram == null || telegram.equals(lastPosted)) {
            return; // nothing new since the last post (the meter is quiet): posting the same reading again helps no one
        }
        lastPosted = telegram;
        HttpClient c = client;
        if (c == null) {
            return;
        }
        try {
            HttpRequest request = request(telegram);
            HttpResponse<String> response = c.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                failure(NetworkFailure.httpStatus(response.statusCode()) + answer(response.body()));
            } else {
                posted.incrementAndGet();
                if (lastFailed) {
                    logger.info("Posting to {} works again", config.url());
                }
                lastFailed = false;
            }
        } catch (IOException e) {
            String host = config.url().getHost();
            int port = port(config.url());
            failure(NetworkFailure.isSilentConnectFailure(e)
                    ? NetworkFailure.probeConnect(host, port, config.connectTimeout())
                    : NetworkFailure.describe(e, host, port));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure(e.toString());
        }
    }

    /** The start of what the server said, on one line: often the reason a request was refused. */
    private static String answer(@Nullable String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.strip().replaceAll("\\s+", " ");
        return ": \"" + (line.length() > 120 ? line.substring(0, 120) + "…" : line) + "\"";
    }

    private static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private void failure(String why) {
        failed.incrementAndGet();
        if (!lastFailed) {
            logger.warn("Posting to {} failed: {}; retrying with the latest reading in {} s", config.url(), why,
                    config.interval().toSeconds());
        } else {
            logger.debug("Posting to {} failed again: {}", config.url(), why);
        }
        lastFailed = true;
    }

    HttpRequest request(P1Telegram telegram) {
        JsonObject flat = flatten(JsonParser.parseString(TelegramJson.toJson(telegram)).getAsJsonObject());
        HttpRequest.Builder b = HttpRequest.newBuilder(config.url()).timeout(config.requestTimeout());
        config.headers().forEach(b::header);
        String body;
        if (config.json()) {
            b.header("Content-Type", "application/json");
            body = flat.toString();
        } else {
            b.header("Content-Type", "application/x-www-form-urlencoded");
            body = formEncode(flat);
        }
        return b.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** Nested objects become {@code parent_child} fields; then the field filter applies. */
    JsonObject flatten(JsonObject reading) {
        JsonObject out = new JsonObject();
        flattenInto("", reading, out);
        if (config.fields().isEmpty()) {
            return out;
        }
        JsonObject filtered = new JsonObject();
        for (Map.Entry<String, JsonElement> e : out.entrySet()) {
            String key = e.getKey();
            int underscore = key.indexOf('_');
            String top = underscore > 0 ? key.substring(0, underscore) : key;
            if (config.fields().contains(key) || config.fields().contains(top)) {
                filtered.add(key, e.getValue());
            }
        }
        return filtered;
    }

    private static void flattenInto(String prefix, JsonObject object, JsonObject out) {
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "_" + e.getKey();
            if (e.getValue().isJsonObject()) {
                flattenInto(key, e.getValue().getAsJsonObject(), out);
            } else {
                out.add(key, e.getValue());
            }
        }
    }

    private static String formEncode(JsonObject flat) {
        StringJoiner form = new StringJoiner("&");
        for (Map.Entry<String, JsonElement> e : flat.entrySet()) {
            JsonElement v = e.getValue();
            String text = v.isJsonPrimitive() ? v.getAsJsonPrimitive().getAsString()
                    : v.isJsonNull() ? "" : v.toString();
            form.add(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    @Override
    public synchronized void close() {
        P1Feed f = feed;
        feed = null;
        if (f != null) {
            f.removeListener(this);
        }
        ScheduledExecutorService s = scheduler;
        scheduler = null;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client = null;
    }

    @Override
    public String describe() {
        return "webhook to " + config.url() + " every " + config.interval().toSeconds() + " s"
                + (config.json() ? " (JSON)" : " (form)");
    }
}
