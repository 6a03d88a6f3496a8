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
package org.openhab.binding.p1meter.internal.output.tcp;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;

/**
 * smartmeter2mqtt's JSON TCP socket: one JSON reading per line ({@code \n}-delimited) for every valid telegram.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class JsonTcpServer extends TelegramTcpServer {

    public JsonTcpServer(String bindAddress, int port, int maxClients) {
        this(bindAddress, port, maxClients, ConsumerLimits.defaults());
    }

    public JsonTcpServer(String bindAddress, int port, int maxClients, ConsumerLimits limits) {
        super("json", "JSON TCP server", bindAddress, port, maxClients, limits);
    }

    @Override
    protected byte[] encode(P1Telegram telegram) {
        return (TelegramJson.toJson(telegram) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
