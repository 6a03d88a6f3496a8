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
package org.openhab.core.config.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mirror of openHAB's Configuration: a map of parameters whose numbers are kept as BigDecimal, and
 * {@link #as(Class)} which fills a configuration class's fields by name, converting types as openHAB does.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class Configuration {

    private final Map<String, Object> properties;

    public Configuration() {
        this((Map<String, ?>) null);
    }

    public Configuration(@Nullable Map<String, ?> properties) {
        this.properties = new HashMap<>();
        if (properties != null) {
            properties.forEach((k, v) -> {
                Object normalized = normalize(v);
                if (normalized != null) {
                    this.properties.put(k, normalized);
                }
            });
        }
    }

    public Configuration(@Nullable Configuration configuration) {
        this(configuration == null ? null : configuration.properties);
    }

    /** A new instance of {@code type} whose fields carry the values of the parameters of the same name. */
    public <T> T as(Class<T> type) {
        T instance;
        try {
            instance = type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("Configuration class " + type.getName() + " needs a no-arg constructor",
                    e);
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int mod = field.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || Modifier.isTransient(mod)) {
                    continue;
                }
                Object value = properties.get(field.getName());
                if (value == null) {
                    continue;
                }
                Object converted;
                try {
                    converted = convert(value, field.getType());
                } catch (IllegalArgumentException e) {
                    // like openHAB: a value that does not fit the field leaves the field's default in place
                    converted = null;
                }
                if (converted == null) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(instance, converted);
                } catch (IllegalAccessException | RuntimeException e) {
                    throw new IllegalArgumentException("Cannot set configuration field " + field.getName(), e);
                }
            }
        }
        return instance;
    }

    public boolean containsKey(String key) {
        return properties.containsKey(key);
    }

    public @Nullable Object get(String key) {
        return properties.get(key);
    }

    public @Nullable Object put(String key, @Nullable Object value) {
        Object normalized = normalize(value);
        return normalized == null ? properties.remove(key) : properties.put(key, normalized);
    }

    public @Nullable Object remove(String key) {
        return properties.remove(key);
    }

    public Set<String> keySet() {
        return Collections.unmodifiableSet(properties.keySet());
    }

    public Collection<Object> values() {
        return Collections.unmodifiableCollection(properties.values());
    }

    public Map<String, Object> getProperties() {
        return Collections.unmodifiableMap(properties);
    }

    public void setProperties(Map<String, Object> newProperties) {
        properties.clear();
        newProperties.forEach(this::put);
    }

    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof Configuration other && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public String toString() {
        return "Configuration" + properties;
    }

    /** Numbers become BigDecimal, as openHAB stores them; lists keep normalised elements. */
    private static @Nullable Object normalize(@Nullable Object value) {
        if (value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>();
            for (Object o : collection) {
                Object n = normalize(o);
                if (n != null) {
                    list.add(n);
                }
            }
            return list;
        }
        return value;
    }

    private static @Nullable Object convert(Object value, Class<?> type) {
        if (type.isInstance(value) && !(value instanceof Collection)) {
            return value;
        }
        String text = value.toString().trim();
        try {
            if (type == String.class) {
                return value.toString();
            } else if (type == Integer.class || type == int.class) {
                return value instanceof Number n ? n.intValue() : text.isEmpty() ? null : new BigDecimal(text).intValueExact();
            } else if (type == Long.class || type == long.class) {
                return value instanceof Number n ? n.longValue() : text.isEmpty() ? null : new BigDecimal(text).longValueExact();
            } else if (type == Double.class || type == double.class) {
                return value instanceof Number n ? n.doubleValue() : text.isEmpty() ? null : Double.valueOf(text);
            } else if (type == Float.class || type == float.class) {
                return value instanceof Number n ? n.floatValue() : text.isEmpty() ? null : Float.valueOf(text);
            } else if (type == BigDecimal.class) {
                return text.isEmpty() ? null : new BigDecimal(text);
            } else if (type == Boolean.class || type == boolean.class) {
                return value instanceof Boolean ? value : Boolean.valueOf(text);
            } else if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                        return constant;
                    }
                }
                return null;
            } else if (List.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type)) {
                return value instanceof Collection<?> c ? new ArrayList<>(c) : new ArrayList<>(List.of(value));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + type.getSimpleName(), e);
        }
        return null;
    }
}
