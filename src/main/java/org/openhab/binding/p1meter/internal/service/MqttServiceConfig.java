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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The configuration of {@link MqttService}, as described in {@code OH-INF/config/mqtt.xml}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class MqttServiceConfig extends ServiceConfig {
    /** Empty: the service publishes nothing. */
    public String brokerUrl = "";
    public String username = "";
    public String password = "";
    public String clientId = "";
    public String topicPrefix = "smartmeter";
    public int qos = 1;
    public boolean retain = true;
    public boolean distinct = false;
    /** Comma-separated fields for the distinct topics; empty, {@code all} or {@code *}: every field. */
    public String distinctFields = "";
    public boolean discovery = true;
    public String discoveryPrefix = "homeassistant";
    /** Seconds between published readings; 0: every telegram. */
    public int interval = 0;
    /** With an interval: the usage events for every telegram all the same. */
    public boolean usageImmediate = false;
    /** {@code leave}, {@code adopt} or {@code remove}: what to do with smartmeter2mqtt's Home Assistant entities. */
    public String smartmeter2mqttEntities = "leave";

    /** No on/off setting: a broker URL switches it on. */
    @Override
    boolean enabled() {
        return !brokerUrl.isBlank();
    }
}
