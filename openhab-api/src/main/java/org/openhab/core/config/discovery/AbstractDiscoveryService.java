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
package org.openhab.core.config.discovery;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Mirror of openHAB's AbstractDiscoveryService: results go to every registered {@link DiscoveryListener}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class AbstractDiscoveryService implements DiscoveryService {

    protected final ScheduledExecutorService scheduler;

    private final Set<DiscoveryListener> listeners = new CopyOnWriteArraySet<>();
    private final Set<ThingTypeUID> supportedThingTypes;
    private final int timeout;
    private final boolean backgroundDiscoveryEnabled;
    private volatile Instant timestampOfLastScan = Instant.MIN;

    protected AbstractDiscoveryService(ScheduledExecutorService scheduler,
            @Nullable Set<ThingTypeUID> supportedThingTypes, int timeout, boolean backgroundDiscoveryEnabledByDefault,
            @Nullable String scanInputLabel, @Nullable String scanInputDescription) throws IllegalArgumentException {
        if (timeout < 0) {
            throw new IllegalArgumentException("The timeout must be >= 0!");
        }
        this.scheduler = scheduler;
        this.supportedThingTypes = supportedThingTypes == null ? Set.of() : Set.copyOf(supportedThingTypes);
        this.timeout = timeout;
        this.backgroundDiscoveryEnabled = backgroundDiscoveryEnabledByDefault;
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault, @Nullable String scanInputLabel,
            @Nullable String scanInputDescription) throws IllegalArgumentException {
        this(ThreadPoolManager.getScheduledPool("discovery"), supportedThingTypes, timeout,
                backgroundDiscoveryEnabledByDefault, scanInputLabel, scanInputDescription);
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout,
            boolean backgroundDiscoveryEnabledByDefault) throws IllegalArgumentException {
        this(supportedThingTypes, timeout, backgroundDiscoveryEnabledByDefault, null, null);
    }

    protected AbstractDiscoveryService(@Nullable Set<ThingTypeUID> supportedThingTypes, int timeout)
            throws IllegalArgumentException {
        this(supportedThingTypes, timeout, true);
    }

    protected AbstractDiscoveryService(int timeout) throws IllegalArgumentException {
        this(null, timeout);
    }

    @Override
    public Set<ThingTypeUID> getSupportedThingTypes() {
        return supportedThingTypes;
    }

    @Override
    public int getScanTimeout() {
        return timeout;
    }

    @Override
    public boolean isBackgroundDiscoveryEnabled() {
        return backgroundDiscoveryEnabled;
    }

    @Override
    public void addDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            listeners.add(listener);
        }
    }

    @Override
    public void removeDiscoveryListener(@Nullable DiscoveryListener listener) {
        if (listener != null) {
            listeners.remove(listener);
        }
    }

    @Override
    public synchronized void startScan(@Nullable ScanListener listener) {
        timestampOfLastScan = Instant.now();
        try {
            startScan();
            if (listener != null) {
                listener.onFinished();
            }
        } catch (RuntimeException e) {
            if (listener != null) {
                listener.onErrorOccurred(e);
            }
        }
    }

    @Override
    public synchronized void abortScan() {
        stopScan();
    }

    protected abstract void startScan();

    protected synchronized void stopScan() {
    }

    protected void thingDiscovered(DiscoveryResult discoveryResult) {
        for (DiscoveryListener l : listeners) {
            l.thingDiscovered(this, discoveryResult);
        }
    }

    protected void thingRemoved(ThingUID thingUID) {
        for (DiscoveryListener l : listeners) {
            l.thingRemoved(this, thingUID);
        }
    }

    protected void removeOlderResults(Instant timestamp) {
        for (DiscoveryListener l : listeners) {
            l.removeOlderResults(this, timestamp, getSupportedThingTypes(), null);
        }
    }

    protected void startBackgroundDiscovery() {
    }

    protected void stopBackgroundDiscovery() {
    }

    protected Instant getTimestampOfLastScan() {
        return timestampOfLastScan;
    }

    public void activate(@Nullable Map<String, Object> configProperties) {
        if (backgroundDiscoveryEnabled) {
            startBackgroundDiscovery();
        }
    }

    public void modified(@Nullable Map<String, Object> configProperties) {
    }

    public void deactivate() {
        if (backgroundDiscoveryEnabled) {
            stopBackgroundDiscovery();
        }
    }
}