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
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.openhab.binding.p1meter.internal.output.tcp.TelegramTcpServer;
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;

/**
 * A TCP server of the telegrams, configured in the UI under Settings -&gt; Other Services: the JSON TCP server
 * ({@link JsonTcpService}) and the raw TCP server ({@link RawTcpService}) are this one service with two
 * configurations; each subclass only names its component, its label, its configuration and its server.
 *
 * @param <C> the configuration, which gives the default port
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class TcpService<C extends TcpServiceConfig> extends OutputService<C> {

    /** The server's constructor: {@code JsonTcpServer::new}, {@code RawTcpServer::new}. */
    @FunctionalInterface
    interface Server {
        TelegramTcpServer create(String bindAddress, int port, int maxClients, ConsumerLimits limits);
    }

    private final Server server;

    protected TcpService(P1BridgeRegistry registry, String label, Class<C> configType, Server server) {
        super(registry, label, configType);
        this.server = server;
    }

    @Override
    protected P1Output create(C config) {
        if (config.port < 0 || config.port > 65535) {
            throw new IllegalArgumentException("port must be a TCP port 1-65535, got " + config.port);
        }
        if (config.maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be at least 1, got " + config.maxClients);
        }
        return server.create(config.bindAddress.trim(), config.port, config.maxClients, config.consumerLimits());
    }
}
