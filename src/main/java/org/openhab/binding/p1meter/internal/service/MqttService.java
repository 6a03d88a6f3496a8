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
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.dsmr.ReadingFields;
import org.openhab.binding.p1meter.internal.output.FieldList;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutput;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutputConfig;
import org.openhab.binding.p1meter.internal.output.mqtt.Smartmeter2mqttEntities;
import org.openhab.core.config.core.ConfigurableService;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The MQTT output inside openHAB: publishes a P1 bridge's readings (or every bridge's) to an MQTT broker with
 * Home Assistant discovery, as the daemon's {@code --mqtt-*} options do. Configured in the UI under Settings,
 * Other Services; publishes nothing until a broker URL is given. The same configuration again keeps the
 * connection (a client id left empty is a new random one only when something else changes).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(service = MqttService.class, configurationPid = MqttService.PID, immediate = true, //
        property = Constants.SERVICE_PID + "=" + MqttService.PID)
@ConfigurableService(category = "io", label = MqttService.LABEL, description_uri = MqttService.CONFIG_URI)
public class MqttService extends OutputService<MqttServiceConfig> {

    public static final String PID = "binding.p1meter.mqtt";
    public static final String CONFIG_URI = "io:p1meter-mqtt";
    static final String LABEL = "P1 Meter MQTT";

    @Activate
    public MqttService(@Reference P1BridgeRegistry registry, @Nullable Map<String, @Nullable Object> config) {
        super(registry, LABEL, MqttServiceConfig.class);
        apply(config);
    }

    @Override
    protected P1Output create(MqttServiceConfig c) {
        String distinctFields = c.distinctFields;
        if (c.distinct) {
            try {
                distinctFields = String.join(",", FieldList.parse(c.distinctFields, ReadingFields.topLevel()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("distinctFields: " + e.getMessage());
            }
        }
        return new MqttOutput(MqttOutputConfig
                .of(c.brokerUrl, c.username, c.password, c.clientId, c.topicPrefix, c.qos, c.retain, c.distinct,
                        distinctFields, c.discovery, c.discoveryPrefix)
                .withInterval(Duration.ofSeconds(c.interval), c.usageImmediate)
                .withSmartmeter2mqttEntities(Smartmeter2mqttEntities.parse(c.smartmeter2mqttEntities)));
    }
}
