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
package org.openhab.binding.p1meter.internal.output.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How the MQTT output connects and what it publishes. Built from the daemon's {@code --mqtt-*} options or the
 * openHAB service configuration; {@link #of} validates and fills in the defaults.
 *
 * @param brokerUri the broker in Paho's form: {@code tcp://host:port} or {@code ssl://host:port}
 * @param username from the URL's user info or the separate option; null for anonymous
 * @param password likewise; null when none
 * @param clientId the MQTT client id
 * @param topicPrefix the prefix of every topic (smartmeter2mqtt's {@code --mqtt-topic}), without trailing slash
 * @param qos 0, 1 or 2
 * @param retain whether readings ({@code status/energy} and the distinct fields) are retained
 * @param distinct publish every field of the reading on its own topic
 * @param distinctFields the fields to publish distinctly; empty means every field of the reading
 * @param discovery publish Home Assistant discovery configs
 * @param discoveryPrefix Home Assistant's discovery prefix
 * @param interval the shortest time between two readings on {@code status/energy} (and the distinct topics and
 *            the usage events derived from them); zero for every telegram
 * @param usageImmediate with an interval: publish {@code status/usage}, {@code status/gasUsage} and
 *            {@code status/gasFlow} for every telegram all the same
 * @param smartmeter2mqttEntities what to do with the Home Assistant entities smartmeter2mqtt announced
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record MqttOutputConfig(String brokerUri, @Nullable String username, @Nullable String password, String clientId,
        String topicPrefix, int qos, boolean retain, boolean distinct, List<String> distinctFields, boolean discovery,
        String discoveryPrefix, Duration interval, boolean usageImmediate,
        Smartmeter2mqttEntities smartmeter2mqttEntities) {

    public static final String DEFAULT_TOPIC_PREFIX = "smartmeter";
    public static final String DEFAULT_DISCOVERY_PREFIX = "homeassistant";
    public static final int DEFAULT_QOS = 1;

    public MqttOutputConfig {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("MQTT QoS must be 0, 1 or 2, not " + qos);
        }
        distinctFields = List.copyOf(distinctFields);
        if (interval.isNegative()) {
            throw new IllegalArgumentException(
                    "the MQTT interval must be 0 (every telegram) or more seconds, not " + interval.toSeconds());
        }
    }

    /** Every telegram published. */
    public MqttOutputConfig(String brokerUri, @Nullable String username, @Nullable String password, String clientId,
            String topicPrefix, int qos, boolean retain, boolean distinct, List<String> distinctFields,
            boolean discovery, String discoveryPrefix) {
        this(brokerUri, username, password, clientId, topicPrefix, qos, retain, distinct, distinctFields, discovery,
                discoveryPrefix, Duration.ZERO, false, Smartmeter2mqttEntities.LEAVE);
    }

    /**
     * This configuration publishing the newest reading at most every {@code interval} (zero: every telegram);
     * with {@code usageImmediate} the usage events still for every telegram.
     *
     * @throws IllegalArgumentException for a negative interval
     */
    public MqttOutputConfig withInterval(Duration interval, boolean usageImmediate) {
        return new MqttOutputConfig(brokerUri, username, password, clientId, topicPrefix, qos, retain, distinct,
                distinctFields, discovery, discoveryPrefix, interval, usageImmediate, smartmeter2mqttEntities);
    }

    /** This configuration doing {@code what} with smartmeter2mqtt's Home Assistant entities. */
    public MqttOutputConfig withSmartmeter2mqttEntities(Smartmeter2mqttEntities what) {
        return new MqttOutputConfig(brokerUri, username, password, clientId, topicPrefix, qos, retain, distinct,
                distinctFields, discovery, discoveryPrefix, interval, usageImmediate, what);
    }

    /** This configuration with another client id. */
    public MqttOutputConfig withClientId(String id) {
        return new MqttOutputConfig(brokerUri, username, password, id, topicPrefix, qos, retain, distinct,
                distinctFields, discovery, discoveryPrefix, interval, usageImmediate, smartmeter2mqttEntities);
    }

    /**
     * Validates the options and fills in defaults.
     *
     * @param url {@code mqtt://[user:pass@]host[:port]}, {@code mqtts://...} (TLS), or Paho's {@code tcp://} /
     *            {@code ssl://}; the port defaults to 1883 (8883 with TLS)
     * @param username overrides the URL's user when not blank
     * @param password overrides the URL's password when not null
     * @param clientId blank for {@code p1meter-<random>}
     * @param topicPrefix blank for {@value #DEFAULT_TOPIC_PREFIX}
     * @param distinctFields comma-separated field names, blank or {@code all} for every field
     * @param discoveryPrefix blank for {@value #DEFAULT_DISCOVERY_PREFIX}
     * @throws IllegalArgumentException with a message naming what is wrong
     */
    public static MqttOutputConfig of(String url, @Nullable String username, @Nullable String password,
            @Nullable String clientId, @Nullable String topicPrefix, int qos, boolean retain, boolean distinct,
            @Nullable String distinctFields, boolean discovery, @Nullable String discoveryPrefix) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("MQTT URL '" + url + "' is not a URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean tls;
        switch (scheme) {
            case "mqtt":
            case "tcp":
                tls = false;
                break;
            case "mqtts":
            case "ssl":
                tls = true;
                break;
            default:
                throw new IllegalArgumentException(
                        "MQTT URL '" + url + "' must start with mqtt:// or mqtts:// (TLS), e.g. mqtt://localhost:1883");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("MQTT URL '" + url + "' names no host");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 8883 : 1883);
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String broker = (tls ? "ssl://" : "tcp://") + hostPart + ":" + port;

        String user = null;
        String pass = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            pass = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (username != null && !username.isBlank()) {
            user = username;
        }
        if (password != null && !password.isEmpty()) {
            pass = password;
        }
        if (pass != null && user == null) {
            throw new IllegalArgumentException("an MQTT password needs a user name too");
        }

        String id = clientId == null || clientId.isBlank()
                ? "p1meter-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL)
                : clientId.trim();
        String prefix = trimSlashes(topicPrefix, DEFAULT_TOPIC_PREFIX);
        String discoPrefix = trimSlashes(discoveryPrefix, DEFAULT_DISCOVERY_PREFIX);
        List<String> fields = distinctFields == null || distinctFields.isBlank()
                || "all".equalsIgnoreCase(distinctFields.trim()) ? List.of()
                        : List.of(distinctFields.trim().split("\\s*,\\s*"));
        return new MqttOutputConfig(broker, user, pass, id, prefix, qos, retain, distinct, fields, discovery,
                discoPrefix, Duration.ZERO, false, Smartmeter2mqttEntities.LEAVE);
    }

    /** {@link #of} with the defaults: QoS 1, retained readings, no distinct topics, no discovery. */
    public static MqttOutputConfig of(String url) {
        return of(url, null, null, null, null, DEFAULT_QOS, true, false, null, false, null);
    }

    public boolean tls() {
        return brokerUri.startsWith("ssl://");
    }

    /** {@code <prefix>/connected}: 2 connected, 1 broker reachable but no meter data, 0 (last will) gone. */
    public String connectedTopic() {
        return topicPrefix + "/connected";
    }

    public String statusTopic(String name) {
        return topicPrefix + "/status/" + name;
    }

    /** Home Assistant's birth / last-will topic, {@code <discovery-prefix>/status}. */
    public String haStatusTopic() {
        return discoveryPrefix + "/status";
    }

    /** The broker for logs, without credentials. */
    public String describeBroker() {
        return brokerUri + (username == null ? "" : " as " + username);
    }

    @Override
    public String toString() {
        // never log the password
        return "MqttOutputConfig[" + describeBroker() + ", client " + clientId + ", prefix " + topicPrefix + ", qos "
                + qos + ", retain " + retain + ", distinct " + distinct + " " + distinctFields + ", discovery "
                + discovery + " " + discoveryPrefix + ", interval " + interval.toSeconds() + " s"
                + (usageImmediate ? " (usage immediate)" : "") + ", smartmeter2mqtt entities " + smartmeter2mqttEntities
                + "]";
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String trimSlashes(@Nullable String s, String fallback) {
        if (s == null) {
            return fallback;
        }
        String t = s.trim();
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.isEmpty() ? fallback : t;
    }
}
