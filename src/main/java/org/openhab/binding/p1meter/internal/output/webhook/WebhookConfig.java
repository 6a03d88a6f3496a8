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

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What the webhook posts where, and how often.
 *
 * @param url an http or https URL
 * @param interval time between posts; the first reading is posted at once
 * @param json post a JSON object instead of form fields
 * @param fields the fields to post (after flattening, e.g. {@code gas_totalUse}; a top-level name such as
 *            {@code gas} selects all its flattened fields); empty = all
 * @param headers extra request headers, e.g. {@code Authorization}
 * @param connectTimeout how long to wait for the connection
 * @param requestTimeout how long to wait for the response
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record WebhookConfig(URI url, Duration interval, boolean json, List<String> fields, Map<String, String> headers,
        Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(300);

    public WebhookConfig {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalArgumentException("post URL must be an http:// or https:// URL with a host: " + url);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("post interval must be positive, got " + interval.toSeconds() + " s");
        }
        fields = List.copyOf(fields);
        headers = Map.copyOf(headers);
    }

    /** Defaults as smartmeter2mqtt: form fields every 300 s; 10 s to connect, 30 s for the response. */
    public static WebhookConfig of(String url) {
        return new WebhookConfig(parseUrl(url), DEFAULT_INTERVAL, false, List.of(), Map.of(), Duration.ofSeconds(10),
                Duration.ofSeconds(30));
    }

    /** @throws IllegalArgumentException with a message a user can act on */
    public static URI parseUrl(String url) {
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid post URL '" + url + "': " + e.getReason());
        }
    }

    public WebhookConfig withInterval(Duration newInterval) {
        return new WebhookConfig(url, newInterval, json, fields, headers, connectTimeout, requestTimeout);
    }

    public WebhookConfig withJson(boolean asJson) {
        return new WebhookConfig(url, interval, asJson, fields, headers, connectTimeout, requestTimeout);
    }

    public WebhookConfig withFields(List<String> newFields) {
        return new WebhookConfig(url, interval, json, newFields, headers, connectTimeout, requestTimeout);
    }

    public WebhookConfig withHeaders(Map<String, String> newHeaders) {
        return new WebhookConfig(url, interval, json, fields, newHeaders, connectTimeout, requestTimeout);
    }

    public WebhookConfig withTimeouts(Duration connect, Duration request) {
        return new WebhookConfig(url, interval, json, fields, headers, connect, request);
    }
}
