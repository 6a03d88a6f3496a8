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

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.ReadingFields;
import org.openhab.binding.p1meter.internal.output.FieldList;

/**
 * The webhook's settings as a user gives them: the daemon's {@code --post-*} options and the openHAB service's
 * configuration both go through {@link #toConfig}, so that both take the same values and refuse the same mistakes,
 * each naming the setting as the user knows it.
 *
 * @param url the http:// or https:// URL to post to
 * @param interval seconds between posts
 * @param json post a JSON object instead of form fields
 * @param fields comma-separated fields (flattened names such as {@code gas_totalUse}, or a parent such as
 *            {@code gas}); {@code all}, {@code *} or nothing for every field
 * @param headers extra request headers, each {@code Name: value}
 * @param timeout seconds to wait for the server's answer; the connection gets at most {@value #MAX_CONNECT_TIMEOUT}
 *            of them
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record WebhookSettings(String url, long interval, boolean json, @Nullable String fields, List<String> headers,
        long timeout) {

    /** smartmeter2mqtt posted these fields (its fields setting was fixed); kept so existing receivers see the same. */
    public static final String DEFAULT_FIELDS = "powerTs,totalT1Use,totalT2Use,totalT1Delivered,totalT2Delivered,gas_ts,gas_totalUse";
    public static final long DEFAULT_INTERVAL = 300;
    public static final long DEFAULT_TIMEOUT = 30;
    /** A server that takes longer than this to accept a connection is not going to answer. */
    public static final long MAX_CONNECT_TIMEOUT = 10;

    /** What each setting is called where the user gives it, for the messages. */
    public record Names(String url, String interval, String fields, String headers, String timeout) {
    }

    public WebhookSettings {
        headers = List.copyOf(headers);
    }

    /**
     * Checks every setting and builds the poster's configuration.
     *
     * @throws IllegalArgumentException with a message that starts with the setting's name and says what to fix
     */
    public WebhookConfig toConfig(Names names) {
        if (url.isBlank()) {
            throw new IllegalArgumentException(names.url() + " is empty: give the http:// or https:// URL to post to");
        }
        if (interval <= 0) {
            throw new IllegalArgumentException(
                    names.interval() + " must be a positive number of seconds, got " + interval);
        }
        if (timeout < 1) {
            throw new IllegalArgumentException(names.timeout() + " must be at least 1 second, got " + timeout);
        }
        List<String> fieldList;
        try {
            fieldList = FieldList.parse(fields, ReadingFields.flattened());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(names.fields() + ": " + e.getMessage());
        }
        Map<String, String> headerMap = headers(names.headers());
        try {
            return WebhookConfig.of(url).withInterval(Duration.ofSeconds(interval)).withJson(json).withFields(fieldList)
                    .withHeaders(headerMap).withTimeouts(Duration.ofSeconds(Math.min(MAX_CONNECT_TIMEOUT, timeout)),
                            Duration.ofSeconds(timeout));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(names.url() + ": " + e.getMessage());
        }
    }

    /** {@code Name: value} lines; a header that Java's HTTP client would refuse at every post is refused here. */
    private Map<String, String> headers(String name) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(name + " must be 'Name: value', got '" + h + "'");
            }
            String header = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            try {
                HttpRequest.newBuilder().header(header, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " '" + h + "' cannot be sent: " + e.getMessage());
            }
            map.put(header, value);
        }
        return map;
    }
}
