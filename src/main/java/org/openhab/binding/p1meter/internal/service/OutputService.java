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
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.P1Output;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the output services share: on every configuration change the running output is closed and, when enabled, a
 * new one is created from the configuration and started on the feed of the chosen bridge (all bridges when none is
 * chosen). A configuration that cannot work (port in use, bad URL) is logged and leaves the output off; openHAB
 * keeps running.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
abstract class OutputService {

    static final String ENABLED = "enabled";
    static final String BRIDGE = "bridge";

    protected final Logger logger = LoggerFactory.getLogger(getClass());

    private final P1BridgeRegistry registry;
    private final String name;
    private @Nullable P1Output output;

    protected OutputService(P1BridgeRegistry registry, String name) {
        this.registry = registry;
        this.name = name;
    }

    /** Builds the output from its configuration; does not start it. */
    protected abstract P1Output create(ServiceConfig config);

    protected synchronized void apply(Map<String, @Nullable Object> properties) {
        close();
        ServiceConfig config = new ServiceConfig(properties);
        if (!config.bool(ENABLED, false)) {
            logger.debug("{} is disabled", name);
            return;
        }
        P1Output o;
        try {
            o = create(config);
        } catch (IllegalArgumentException e) {
            logger.warn("{} not started: {}", name, e.getMessage());
            return;
        }
        String bridge = config.text(BRIDGE, "");
        try {
            o.start(registry.feed(bridge.isEmpty() ? null : bridge));
        } catch (IOException e) {
            o.close();
            logger.warn("{} not started: {}", name, e.getMessage());
            return;
        }
        output = o;
        logger.info("Started {}{}", o.describe(), bridge.isEmpty() ? "" : " for bridge " + bridge);
    }

    protected synchronized void close() {
        P1Output o = output;
        output = null;
        if (o != null) {
            o.close();
            logger.debug("Stopped {}", o.describe());
        }
    }

    /** The running output, null when disabled or not startable. */
    synchronized @Nullable P1Output output() {
        return output;
    }
}
