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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;

/**
 * Relays every valid telegram's bytes exactly as the meter sent them (garbage and rejected telegrams are never
 * relayed), so that the port can be read like a P1 dongle: Domoticz "P1 Smart Meter with LAN interface", another
 * instance's {@code --socket}, {@code telnet}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class RawTcpServer extends TelegramTcpServer {

    public RawTcpServer(String bindAddress, int port, int maxClients) {
        this(bindAddress, port, maxClients, ConsumerLimits.defaults());
    }

    public RawTcpServer(String bindAddress, int port, int maxClients, ConsumerLimits limits) {
        super("raw", "raw TCP server", bindAddress, port, maxClients, limits);
    }

    @Override
    protected byte[] encode(P1Telegram telegram) {
        return telegram.raw();
    }
}
