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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * One MQTT message waiting to be published.
 *
 * @param topic the full topic
 * @param payload UTF-8 bytes
 * @param retained the retain flag
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record OutboundMessage(String topic, byte[] payload, boolean retained) {

    public static OutboundMessage of(String topic, String payload, boolean retained) {
        return new OutboundMessage(topic, payload.getBytes(StandardCharsets.UTF_8), retained);
    }

    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return topic + (retained ? " (retained)" : "") + ": " + payloadText();
    }
}
