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
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.openhab.binding.p1meter.internal.output.NetworkFailure;

/**
 * Why an MQTT connection failed, in words. Paho wraps every failure in an {@code MqttException} whose text is
 * a reason code's label ("Unable to connect to server", in the JVM's language) and hides the cause: a refused
 * connection, an unknown host or an untrusted certificate. The cause is told when there is one, else what the
 * broker's refusal means.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class MqttFailure {

    /** The broker's CONNACK refusals and Paho's own conditions that have no cause to tell. */
    private static final Map<Integer, String> REASONS = Map.of( //
            (int) MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION, "the broker refuses MQTT 3.1.1",
            (int) MqttException.REASON_CODE_INVALID_CLIENT_ID, "the broker refuses the client id",
            (int) MqttException.REASON_CODE_BROKER_UNAVAILABLE, "the broker says it is unavailable",
            (int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, "the broker refuses the user name or password",
            (int) MqttException.REASON_CODE_NOT_AUTHORIZED,
            "the broker does not authorise this client (check the user and the broker's access rules)",
            (int) MqttException.REASON_CODE_CLIENT_TIMEOUT, "no answer from the broker in time",
            (int) MqttException.REASON_CODE_SSL_CONFIG_ERROR, "TLS configuration error",
            (int) MqttException.REASON_CODE_CONNECTION_LOST, "the connection to the broker was lost");

    private MqttFailure() {
    }

    /** E.g. "connection refused by broker.local:1883 (nothing listens on that port?)". */
    static String describe(MqttException e, String brokerUri) {
        Throwable cause = e.getCause();
        if (cause != null) {
            String host = brokerUri;
            int port = -1;
            try {
                URI uri = URI.create(brokerUri);
                if (uri.getHost() != null) {
                    host = uri.getHost();
                    port = uri.getPort();
                }
            } catch (IllegalArgumentException iae) {
                // not a URI: the whole text names the broker
            }
            return NetworkFailure.describe(cause, host, port);
        }
        String reason = REASONS.get(e.getReasonCode());
        return reason != null ? reason : e.getMessage() + " (MQTT reason code " + e.getReasonCode() + ")";
    }
}
