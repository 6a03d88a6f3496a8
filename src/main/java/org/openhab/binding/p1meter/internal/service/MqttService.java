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

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutput;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutputConfig;
import org.openhab.binding.p1meter.internal.output.mqtt.Smartmeter2mqttEntities;
import org.openhab.core.config.core.ConfigurableService;
import org.openhab.core.config.core.Configuration;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MQTT output inside openHAB: publishes a P1 bridge's readings (or every bridge's) to an MQTT broker with
 * Home Assistant discovery, as the daemon's {@code --mqtt-*} options do. Configured in the UI under Settings,
 * Other Services; publishes nothing until a broker URL is given.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = MqttService.class, configurationPid = MqttService.PID, immediate = true, //
        property = Constants.SERVICE_PID + "=" + MqttService.PID)
@ConfigurableService(category = "io", label = "P1 Meter MQTT", description_uri = MqttService.CONFIG_URI)
public class MqttService {

    public static final String PID = "binding.p1meter.mqtt";
    public static final String CONFIG_URI = "io:p1meter-mqtt";

    private final Logger logger = LoggerFactory.getLogger(MqttService.class);
    private final P1BridgeRegistry registry;
    private @Nullable MqttOutput output;
    private @Nullable MqttOutputConfig running;
    private String runningBridge = "";

    @Activate
    public MqttService(@Reference P1BridgeRegistry registry, @Nullable Map<String, Object> config) {
        this.registry = registry;
        apply(config);
    }

    @Modified
    protected void modified(@Nullable Map<String, Object> config) {
        apply(config);
    }

    @Deactivate
    protected synchronized void deactivate() {
        stop();
    }

    /** The running output, for status and tests; null while switched off. */
    synchronized @Nullable MqttOutput output() {
        return output;
    }

    private synchronized void apply(@Nullable Map<String, Object> properties) {
        MqttServiceConfig c = new Configuration(properties).as(MqttServiceConfig.class);
        if (c.brokerUrl.isBlank()) {
            stop();
            logger.debug("P1 meter MQTT output off: no broker URL");
            return;
        }
        MqttOutputConfig config;
        try {
            config = MqttOutputConfig.of(c.brokerUrl, c.username, c.password, c.clientId, c.topicPrefix, c.qos,
                    c.retain, c.distinct, c.distinctFields, c.discovery, c.discoveryPrefix)
                    .withInterval(Duration.ofSeconds(c.interval), c.usageImmediate)
                    .withSmartmeter2mqttEntities(Smartmeter2mqttEntities.parse(c.smartmeter2mqttEntities));
        } catch (IllegalArgumentException e) {
            stop();
            logger.warn("P1 meter MQTT output not started: {}", e.getMessage());
            return;
        }
        MqttOutputConfig current = running;
        // a random client id differs on each call; compare without it when none was configured
        String bridge = c.bridge.trim();
        if (current != null && output != null && bridge.equals(runningBridge)
                && sameSettings(current, config, c.clientId.isBlank())) {
            return;
        }
        stop();
        MqttOutput o = new MqttOutput(config);
        try {
            o.start(registry.feed(bridge.isEmpty() ? null : bridge));
        } catch (IOException e) {
            logger.warn("P1 meter MQTT output not started: {}", e.getMessage());
            return;
        }
        output = o;
        running = config;
        runningBridge = bridge;
        logger.info("P1 meter {} for {}", o.describe(), bridge.isEmpty() ? "every bridge" : bridge);
    }

    private static boolean sameSettings(MqttOutputConfig a, MqttOutputConfig b, boolean ignoreClientId) {
        MqttOutputConfig bb = ignoreClientId ? b.withClientId(a.clientId()) : b;
        return a.equals(bb);
    }

    private void stop() {
        MqttOutput o = output;
        output = null;
        running = null;
        if (o != null) {
            o.close();
        }
    }
}
