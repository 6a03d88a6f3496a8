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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;

/**
 * Reads an output service's configuration as openHAB hands it over: values arrive as String, Number (BigDecimal),
 * Boolean or a Collection for multiple-value parameters, depending on where they were set (UI, .cfg file).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ServiceConfig {

    private final Map<String, @Nullable Object> values;

    ServiceConfig(Map<String, @Nullable Object> values) {
        this.values = values;
    }

    String text(String key, String defaultValue) {
        Object v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? defaultValue : s;
    }

    /** @throws IllegalArgumentException naming the parameter when the value is not a whole number */
    int integer(String key, int defaultValue) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'");
        }
    }

    static final String CLIENT_TIMEOUT = "clientTimeout";
    static final String CLIENT_BACKLOG_LIMIT = "clientBacklogLimit";

    /**
     * When a client (TCP, web socket) that does not keep up is dropped: {@code clientTimeout} in seconds,
     * {@code clientBacklogLimit} in MB.
     *
     * @throws IllegalArgumentException naming the parameter and what it must be
     */
    ConsumerLimits consumerLimits() {
        int timeout = integer(CLIENT_TIMEOUT, (int) ConsumerLimits.DEFAULT_NO_PROGRESS_TIMEOUT.toSeconds());
        if (timeout < 1) {
            throw new IllegalArgumentException(CLIENT_TIMEOUT + " must be at least 1 second, got " + timeout);
        }
        int backlog = integer(CLIENT_BACKLOG_LIMIT, (int) (ConsumerLimits.DEFAULT_MAX_BACKLOG_BYTES >> 20));
        if (backlog < 1 || backlog > 1024) {
            throw new IllegalArgumentException(CLIENT_BACKLOG_LIMIT + " must be 1-1024 MB, got " + backlog);
        }
        return new ConsumerLimits(Duration.ofSeconds(timeout), (long) backlog << 20);
    }

    boolean bool(String key, boolean defaultValue) {
        Object v = values.get(key);
        if (v == null || v.toString().isBlank()) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return Boolean.parseBoolean(v.toString().trim().toLowerCase(Locale.ROOT));
    }

    /** A multiple-value parameter, or a comma-separated text. */
    List<String> list(String key) {
        Object v = values.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                if (o != null && !o.toString().isBlank()) {
                    out.add(o.toString().trim());
                }
            }
        } else if (v != null) {
            for (String s : v.toString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }
}
