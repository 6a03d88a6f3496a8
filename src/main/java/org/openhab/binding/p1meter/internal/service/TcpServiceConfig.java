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
import org.openhab.binding.p1meter.internal.reader.ConsumerLimits;

/**
 * The configuration of a {@link TcpService}, as {@code OH-INF/config/jsontcp.xml} and {@code rawtcp.xml} describe
 * it; the two differ only in their default port.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class TcpServiceConfig extends ServiceConfig {

    public boolean enabled = false;
    public int port;
    public String bindAddress = "0.0.0.0";
    public int maxClients = 3;
    /** Seconds a client may take nothing while readings wait for it. */
    public int clientTimeout = (int) ConsumerLimits.DEFAULT_NO_PROGRESS_TIMEOUT.toSeconds();
    /** Megabytes that may wait for a client. */
    public int clientBacklogLimit = (int) (ConsumerLimits.DEFAULT_MAX_BACKLOG_BYTES >> 20);

    protected TcpServiceConfig(int defaultPort) {
        port = defaultPort;
    }

    @Override
    boolean enabled() {
        return enabled;
    }

    /** @throws IllegalArgumentException naming the setting */
    ConsumerLimits consumerLimits() {
        return consumerLimits(clientTimeout, clientBacklogLimit);
    }

    /** The JSON TCP server's: smartmeter2mqtt's port 3010. */
    public static final class Json extends TcpServiceConfig {
        public Json() {
            super(3010);
        }
    }

    /** The raw TCP server's: port 3020. */
    public static final class Raw extends TcpServiceConfig {
        public Raw() {
            super(3020);
        }
    }
}
