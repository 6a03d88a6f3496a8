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
package org.openhab.binding.p1meter.internal.handler;

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.config.P1BridgeConfig;
import org.openhab.binding.p1meter.internal.config.TcpBridgeConfig;
import org.openhab.binding.p1meter.internal.reader.P1Source;
import org.openhab.binding.p1meter.internal.reader.TcpSource;
import org.openhab.core.thing.Bridge;

/**
 * The bridge that reads telegrams from a TCP socket: ser2net, or an ESP P1 dongle's raw TCP port.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class TcpBridgeHandler extends P1BridgeHandler {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public TcpBridgeHandler(Bridge bridge, P1BridgeRegistryImpl registry) {
        super(bridge, registry);
    }

    @Override
    protected P1BridgeConfig readConfig() {
        return getConfigAs(TcpBridgeConfig.class);
    }

    @Override
    protected P1Source createSource(P1BridgeConfig config) {
        TcpBridgeConfig tcp = (TcpBridgeConfig) config;
        String host = tcp.host.trim();
        if (host.isEmpty()) {
            throw new ConfigProblem("offline.conf-error.no-host");
        }
        if (tcp.port < 1 || tcp.port > 65535) {
            throw new ConfigProblem("offline.conf-error.tcp-port", tcp.port);
        }
        // a read that waits longer than the receive timeout fails, so a half-open connection is noticed even
        // without the watchdog; 0 (watchdog off) waits forever as asked
        return new TcpSource(host, tcp.port, CONNECT_TIMEOUT, Duration.ofSeconds(tcp.receiveTimeout));
    }
}
