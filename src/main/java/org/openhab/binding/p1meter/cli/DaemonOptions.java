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
package org.openhab.binding.p1meter.cli;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.output.webhook.WebhookSettings;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The daemon's options: smartmeter2mqtt's flags with the same names and meaning, plus {@code --simulate},
 * {@code --bind} and a few knobs. Every option can also be set as {@code SMARTMETER_<NAME>}
 * ({@link EnvironmentDefaults}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault({})
public final class DaemonOptions {

    // ---- source (exactly one)

    @Option(names = "--port", paramLabel = "DEVICE", order = 1, description = "Read the meter from this serial port, e.g. /dev/ttyUSB0 (115200 8N1, falling back to 9600 7E1 for DSMR 2.2/3.0 meters).")
    @Nullable
    String port;

    @Option(names = "--socket", paramLabel = "HOST:PORT", order = 2, description = "Read the meter from a TCP socket (ser2net, P1 Wi-Fi dongle), e.g. 192.168.0.3:8088. Reconnects with backoff.")
    @Nullable
    String socket;

    @Option(names = "--simulate", order = 3, description = "Read a built-in simulated DSMR 5.0 meter (three phases, solar, gas and water): try everything without hardware.")
    boolean simulate;

    @Option(names = "--simulate-speed", paramLabel = "FACTOR", order = 4, defaultValue = "1", description = "Run the simulated meter's day this many times faster than real time (a telegram per second either way). Default: ${DEFAULT-VALUE}.")
    int simulateSpeed;

    @Option(names = "--enc-key", paramLabel = "HEX", order = 5, description = "Decryption key (32 hex digits) of a Luxembourg Smarty / Austrian meter whose telegrams are AES-GCM encrypted.")
    @Nullable
    String encKey;

    @Option(names = "--enc-aad", paramLabel = "HEX", order = 6, description = "Additional authenticated data for decryption. Default: "
            + DecoderConfig.SMARTY_DEFAULT_AAD + ".")
    @Nullable
    String encAad;

    @Mixin
    MBusOptions mbus = new MBusOptions();

    // ---- outputs

    @Option(names = "--tcp-server", paramLabel = "PORT", order = 10, description = "Serve one JSON reading per line on this TCP port (at most --max-clients clients).")
    @Nullable
    Integer tcpServer;

    @Option(names = "--raw-tcp-server", paramLabel = "PORT", order = 11, description = "Relay each valid telegram exactly as received on this TCP port (Domoticz \"P1 Smart Meter with LAN interface\").")
    @Nullable
    Integer rawTcpServer;

    @Option(names = "--max-clients", paramLabel = "N", order = 12, defaultValue = "3", description = "Clients each TCP server serves at once; the next one is told and closed. Default: ${DEFAULT-VALUE}.")
    int maxClients;

    @Option(names = "--web-server", paramLabel = "PORT", order = 13, description = "Serve the live dashboard, /api/reading and a web socket on this port.")
    @Nullable
    Integer webServer;

    @Option(names = "--post-url", paramLabel = "URL", order = 20, description = "Post the reading to this http(s) URL: the first one at once, then every --post-interval.")
    @Nullable
    String postUrl;

    @Option(names = "--post-interval", paramLabel = "SECONDS", order = 21, defaultValue = "300", description = "Seconds between posts. Default: ${DEFAULT-VALUE}.")
    long postInterval;

    @Option(names = "--post-json", order = 22, description = "Post JSON instead of form fields.")
    boolean postJson;

    @Option(names = "--post-fields", paramLabel = "LIST", order = 23, defaultValue = WebhookSettings.DEFAULT_FIELDS, description = "Comma-separated fields to post (nested ones flattened: gas_ts, gas_totalUse; 'gas' selects both), or 'all' (or '*'). Default: ${DEFAULT-VALUE}.")
    String postFields;

    @Option(names = "--post-header", paramLabel = "NAME:VALUE", order = 24, description = "Extra request header for posts, e.g. 'Authorization: Bearer abc'. Repeatable.")
    List<String> postHeaders = new ArrayList<>();

    @Option(names = "--post-timeout", paramLabel = "SECONDS", order = 25, defaultValue = "30", description = "Seconds to wait for the server's answer to a post (at most 10 of them for the connection). Default: ${DEFAULT-VALUE}.")
    long postTimeout;

    @Option(names = "--mqtt-url", paramLabel = "URL", order = 30, description = "Publish to this MQTT broker, e.g. mqtt://localhost:1883 (user:password@ in the URL for a login).")
    @Nullable
    String mqttUrl;

    @Option(names = "--mqtt-topic", paramLabel = "PREFIX", order = 31, defaultValue = "smartmeter", description = "Topic prefix. Default: ${DEFAULT-VALUE}.")
    String mqttTopic;

    @Option(names = "--mqtt-distinct", order = 32, description = "Also publish each field to <prefix>/status/<field>.")
    boolean mqttDistinct;

    @Option(names = "--mqtt-distinct-fields", paramLabel = "LIST", order = 33, defaultValue = "currentTarrif,totalT1Use,totalT2Use,totalT1Delivered,totalT2Delivered,powerSn,currentUsage,currentDelivery", description = "Comma-separated fields for --mqtt-distinct, or 'all' (or '*'). Default: ${DEFAULT-VALUE}.")
    String mqttDistinctFields;

    @Option(names = "--mqtt-discovery", order = 34, description = "Announce every quantity to Home Assistant (MQTT discovery).")
    boolean mqttDiscovery;

    @Option(names = "--mqtt-discovery-prefix", paramLabel = "PREFIX", order = 35, defaultValue = "homeassistant", description = "Home Assistant discovery prefix. Default: ${DEFAULT-VALUE}.")
    String mqttDiscoveryPrefix;

    @Option(names = "--mqtt-user", paramLabel = "NAME", order = 36, description = "MQTT user name (instead of user@ in the URL).")
    @Nullable
    String mqttUser;

    @Option(names = "--mqtt-password", paramLabel = "PASSWORD", order = 37, description = "MQTT password (instead of :password@ in the URL; SMARTMETER_MQTT_PASSWORD keeps it out of the process list).")
    @Nullable
    String mqttPassword;

    @Option(names = "--mqtt-client-id", paramLabel = "ID", order = 38, description = "MQTT client id. Default: p1meter-<random>.")
    @Nullable
    String mqttClientId;

    @Option(names = "--mqtt-qos", paramLabel = "0|1|2", order = 39, defaultValue = "1", description = "MQTT quality of service. Default: ${DEFAULT-VALUE}.")
    int mqttQos;

    @Option(names = "--mqtt-retain", negatable = true, paramLabel = "true|false", order = 39, defaultValue = "true", fallbackValue = "true", arity = "0..1", description = "Retain the readings (status/energy and the distinct topics); --no-mqtt-retain to stop. Default: ${DEFAULT-VALUE}.")
    boolean mqttRetain = true;

    @Option(names = "--mqtt-interval", paramLabel = "SECONDS", order = 39, defaultValue = "0", description = "Publish the newest reading at most every SECONDS (status/energy, the distinct topics and the usage events, which then run from one published reading to the next); 0: every telegram. Default: ${DEFAULT-VALUE}.")
    long mqttInterval;

    @Option(names = "--mqtt-usage-immediate", order = 39, description = "With --mqtt-interval: publish status/usage, status/gasUsage and status/gasFlow for every telegram all the same.")
    boolean mqttUsageImmediate;

    @Option(names = "--mqtt-discovery-smartmeter2mqtt", paramLabel = "adopt|remove", order = 39, description = "Home Assistant entities smartmeter2mqtt announced: 'adopt' announces this meter's power, T1/T2 and gas sensors under smartmeter2mqtt's topics and unique ids (entity ids and history stay); 'remove' clears its configs on connecting (Home Assistant deletes those entities).")
    @Nullable
    String mqttDiscoverySmartmeter2mqtt;

    // ---- general

    @Option(names = "--bind", paramLabel = "ADDRESS", order = 40, defaultValue = "0.0.0.0", description = "Address the TCP and web servers listen on. Default: ${DEFAULT-VALUE} (all).")
    String bind;

    @Option(names = "--receive-timeout", paramLabel = "SECONDS", order = 41, defaultValue = "60", description = "Reconnect when no valid telegram arrived for this long (0: never). Default: ${DEFAULT-VALUE}.")
    long receiveTimeout;

    @Option(names = "--client-timeout", paramLabel = "SECONDS", order = 42, defaultValue = "30", description = "Drop a TCP client or web socket that takes nothing for this long while readings wait for it (one that reads, however slowly, gets everything). Default: ${DEFAULT-VALUE}.")
    long clientTimeout;

    @Option(names = "--client-backlog-limit", paramLabel = "MB", order = 43, defaultValue = "4", description = "Drop a TCP client or web socket with more than this waiting for it (a source that can wait, TCP or --simulate, is read at the slowest client's pace instead, so this is reached only from a serial port). Default: ${DEFAULT-VALUE}.")
    long clientBacklogLimit;

    @Option(names = "--debug", order = 44, description = "Log every telegram and connection detail.")
    boolean debug;

    public @Nullable String mqttUrl() {
        return mqttUrl;
    }

    public String mqttTopic() {
        return mqttTopic;
    }

    public boolean mqttDistinct() {
        return mqttDistinct;
    }

    public boolean mqttDiscovery() {
        return mqttDiscovery;
    }

    public String mqttDiscoveryPrefix() {
        return mqttDiscoveryPrefix;
    }

    public @Nullable Integer webServer() {
        return webServer;
    }

    public String bind() {
        return bind;
    }
}
