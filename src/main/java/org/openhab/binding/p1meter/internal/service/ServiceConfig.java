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

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;
import org.openhab.core.config.core.Configuration;

/**
 * What every output service's configuration has, and how it is read: the fields of a subclass are the parameters
 * its {@code OH-INF/config} description declares, with the same defaults, filled in by openHAB's own
 * {@link Configuration#as(Class)}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class ServiceConfig {

    /** The Thing UID of the bridge to serve; empty for every bridge. */
    public String bridge = "";

    /** Whether the configuration asks for the output at all. */
    abstract boolean enabled();

    /** The bridge to serve, null for every bridge. */
    @Nullable
    String bridgeUid() {
        String b = bridge.trim();
        return b.isEmpty() ? null : b;
    }

    /**
     * Reads a configuration as openHAB hands it over (values as String, BigDecimal, Boolean or a Collection,
     * depending on where they were set: the UI, a {@code .cfg} file). A value that does not fit its field is
     * refused first, naming the setting: openHAB's conversion would log a stack trace and keep the default, and
     * the output would run with a setting the user did not choose.
     *
     * @throws IllegalArgumentException naming the setting and what it must be
     */
    static <C extends ServiceConfig> C read(Configuration configuration, Class<C> type) {
        for (Field field : settings(type)) {
            Object value = configuration.get(field.getName());
            if (value != null) {
                configuration.put(field.getName(), normalized(field.getName(), field.getType(), value));
            }
        }
        C config = configuration.as(type);
        if (config == null) {
            throw new IllegalStateException(type.getName() + " needs a public constructor without arguments");
        }
        return config;
    }

    /**
     * Every setting's value, by name: two configurations with the same values are the same, whether a value was
     * given or is the default (openHAB hands over the values the user saved, which may or may not include them).
     */
    Map<String, @Nullable Object> values() {
        Map<String, @Nullable Object> values = new HashMap<>();
        for (Field field : settings(getClass())) {
            try {
                values.put(field.getName(), field.get(this));
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(field + " must be public", e);
            }
        }
        return values;
    }

    /** The fields that are settings: the instance fields of the class and its superclasses. */
    private static List<Field> settings(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The value as the field's type takes it; openHAB's conversion does not trim text, nor refuse 1.5. */
    private static Object normalized(String name, Class<?> type, Object value) {
        if (type == int.class) {
            try {
                BigDecimal number = value instanceof BigDecimal d ? d : new BigDecimal(value.toString().trim());
                return BigDecimal.valueOf(number.intValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got '" + value + "'");
            }
        }
        if (type == boolean.class) {
            String text = value.toString().trim().toLowerCase(Locale.ROOT);
            if (value instanceof Boolean || text.equals("true") || text.equals("false")) {
                return Boolean.valueOf(text);
            }
            throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
        }
        if (type == String.class && !(value instanceof String)) {
            if (value instanceof Collection<?>) {
                throw new IllegalArgumentException(name + " takes one value, got " + value);
            }
            return value.toString();
        }
        return value;
    }

    /**
     * When a client (TCP, web socket) that does not keep up is dropped: after {@code clientTimeout} seconds
     * without progress, or past {@code clientBacklogLimit} MB waiting for it.
     *
     * @throws IllegalArgumentException naming the setting and what it must be
     */
    static ConsumerLimits consumerLimits(int clientTimeout, int clientBacklogLimit) {
        if (clientTimeout < 1) {
            throw new IllegalArgumentException("clientTimeout must be at least 1 second, got " + clientTimeout);
        }
        if (clientBacklogLimit < 1 || clientBacklogLimit > 1024) {
            throw new IllegalArgumentException("clientBacklogLimit must be 1-1024 MB, got " + clientBacklogLimit);
        }
        return new ConsumerLimits(Duration.ofSeconds(clientTimeout), (long) clientBacklogLimit << 20);
    }
}
