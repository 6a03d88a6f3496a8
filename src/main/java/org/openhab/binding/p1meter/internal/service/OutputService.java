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
import org.openhab.core.config.core.Configuration;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the output services (JSON and raw TCP, webhook, MQTT, dashboard) share. Each configuration openHAB hands
 * over is read into the service's typed configuration; when its settings differ from the running output's, that
 * output is closed and, when enabled, a new one is created and started on the feed of the chosen bridge (all
 * bridges when none is chosen). The same settings again change nothing, whether given or left at their default.
 * A configuration that cannot work (a value that is not a number, a port in use, a bad URL) leaves the output off
 * with one line in the log that names the setting; openHAB keeps running.
 *
 * <p>
 * The subclasses are the Declarative Services components: their constructor is the {@code @Activate} one and
 * calls {@link #apply}; {@link #modified} and {@link #deactivate} are found here (bnd's
 * {@code -dsannotations-options: inherit}).
 *
 * @param <C> the service's configuration, as its {@code OH-INF/config} description declares it
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class OutputService<C extends ServiceConfig> {

    protected final Logger logger = LoggerFactory.getLogger(getClass());

    private final P1BridgeRegistry registry;
    private final String name;
    private final Class<C> configType;
    private volatile @Nullable P1Output output;
    /** The settings the running output was made from. */
    private @Nullable Map<String, @Nullable Object> running;

    /**
     * @param name the service's label, for the log: {@code P1 Meter JSON TCP Server}
     */
    protected OutputService(P1BridgeRegistry registry, String name, Class<C> configType) {
        this.registry = registry;
        this.name = name;
        this.configType = configType;
    }

    /**
     * Builds the output from its configuration; does not start it.
     *
     * @throws IllegalArgumentException naming the setting that cannot work
     */
    protected abstract P1Output create(C config);

    /** After the output started on its feed: for what a service registers besides (the dashboard's servlet). */
    protected void started(P1Output started) {
    }

    /** After the output was closed. */
    protected void stopped() {
    }

    @Modified
    protected void modified(@Nullable Map<String, @Nullable Object> properties) {
        apply(properties);
    }

    @Deactivate
    protected void deactivate() {
        close();
    }

    protected final synchronized void apply(@Nullable Map<String, @Nullable Object> properties) {
        C config;
        try {
            config = ServiceConfig.read(new Configuration(properties), configType);
        } catch (IllegalArgumentException e) {
            close();
            logger.warn("{} not started: {}", name, e.getMessage());
            return;
        }
        if (!config.enabled()) {
            close();
            logger.debug("{} is off", name);
            return;
        }
        Map<String, @Nullable Object> settings = config.values();
        if (output != null && settings.equals(running)) {
            return;
        }
        close();
        P1Output o;
        try {
            o = create(config);
        } catch (IllegalArgumentException e) {
            logger.warn("{} not started: {}", name, e.getMessage());
            return;
        }
        String bridge = config.bridgeUid();
        try {
            o.start(registry.feed(bridge));
        } catch (IOException e) {
            o.close();
            logger.warn("{} not started: {}", name, e.getMessage());
            return;
        }
        output = o;
        running = settings;
        started(o);
        logger.info("Started {}{}", o.describe(), bridge == null ? "" : " for bridge " + bridge);
    }

    protected final synchronized void close() {
        P1Output o = output;
        output = null;
        running = null;
        if (o != null) {
            o.close();
            stopped();
            logger.debug("Stopped {}", o.describe());
        }
    }

    /** The running output, null when off or not startable. */
    final @Nullable P1Output output() {
        return output;
    }
}
