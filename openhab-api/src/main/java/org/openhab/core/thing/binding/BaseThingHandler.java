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
package org.openhab.core.thing.binding;

import java.util.HashMap;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.common.ThreadPoolManager;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.ThingBuilder;
import org.openhab.core.thing.binding.builder.ThingStatusInfoBuilder;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirror of openHAB's BaseThingHandler. As in openHAB, states, statuses and Thing changes go to the
 * {@link ThingHandlerCallback}; the callback (the framework) is what changes the Thing's status.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class BaseThingHandler implements ThingHandler {

    private final Logger logger = LoggerFactory.getLogger(BaseThingHandler.class);

    protected final ScheduledExecutorService scheduler = ThreadPoolManager.getScheduledPool("thingHandler");

    protected Thing thing;

    private @Nullable ThingHandlerCallback callback;

    public BaseThingHandler(Thing thing) {
        this.thing = thing;
    }

    @Override
    public void handleRemoval() {
        updateStatus(ThingStatus.REMOVED);
    }

    @Override
    public void handleConfigurationUpdate(Map<String, Object> configurationParameters) {
        Configuration current = getConfig();
        boolean modified = false;
        for (Entry<String, Object> e : configurationParameters.entrySet()) {
            if (!Objects.equals(current.get(e.getKey()), e.getValue())) {
                modified = true;
            }
        }
        if (!modified) {
            return;
        }
        ThingHandlerCallback cb = callback;
        if (cb != null) {
            cb.validateConfigurationParameters(thing, configurationParameters);
        }
        Configuration configuration = editConfiguration();
        configurationParameters.forEach(configuration::put);
        if (isInitialized()) {
            dispose();
            updateConfiguration(configuration);
            initialize();
        } else {
            updateConfiguration(configuration);
            if (cb != null) {
                cb.configurationUpdated(thing);
            }
        }
    }

    @Override
    public void dispose() {
    }

    @Override
    public Thing getThing() {
        return thing;
    }

    @Override
    public void thingUpdated(Thing thing) {
        dispose();
        this.thing = thing;
        initialize();
    }

    @Override
    public void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback) {
        synchronized (this) {
            this.callback = thingHandlerCallback;
        }
    }

    protected @Nullable ThingHandlerCallback getCallback() {
        return callback;
    }

    @Override
    public void channelLinked(ChannelUID channelUID) {
        handleCommand(channelUID, RefreshType.REFRESH);
    }

    @Override
    public void channelUnlinked(ChannelUID channelUID) {
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE
                && getThing().getStatusInfo().getStatusDetail() == ThingStatusDetail.BRIDGE_OFFLINE) {
            updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE);
        } else if (bridgeStatusInfo.getStatus() == ThingStatus.OFFLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    protected Configuration getConfig() {
        return getThing().getConfiguration();
    }

    protected <T> T getConfigAs(Class<T> configurationClass) {
        return getConfig().as(configurationClass);
    }

    protected void updateState(ChannelUID channelUID, State state) {
        synchronized (this) {
            ThingHandlerCallback cb = callback;
            if (cb != null) {
                cb.stateUpdated(channelUID, state);
            } else {
                logger.warn("Handler {} of thing {} tried updating channel {} although the handler was already disposed.",
                        getClass().getSimpleName(), channelUID.getThingUID(), channelUID.getId());
            }
        }
    }

    protected void updateState(String channelID, State state) {
        updateState(new ChannelUID(getThing().getUID(), channelID), state);
    }

    protected void triggerChannel(ChannelUID channelUID, String event) {
        synchronized (this) {
            ThingHandlerCallback cb = callback;
            if (cb != null) {
                cb.channelTriggered(getThing(), channelUID, event);
            }
        }
    }

    protected void triggerChannel(String channelID, String event) {
        triggerChannel(new ChannelUID(getThing().getUID(), channelID), event);
    }

    protected void postCommand(ChannelUID channelUID, Command command) {
        synchronized (this) {
            ThingHandlerCallback cb = callback;
            if (cb != null) {
                cb.postCommand(channelUID, command);
            }
        }
    }

    protected void postCommand(String channelID, Command command) {
        postCommand(new ChannelUID(getThing().getUID(), channelID), command);
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail, @Nullable String description) {
        synchronized (this) {
            ThingHandlerCallback cb = callback;
            if (cb != null) {
                ThingStatusInfo info = ThingStatusInfoBuilder.create(status, statusDetail).withDescription(description)
                        .build();
                cb.statusUpdated(thing, info);
            } else {
                logger.warn("Handler {} tried updating the thing status although the handler was already disposed.",
                        getClass().getSimpleName());
            }
        }
    }

    protected void updateStatus(ThingStatus status, ThingStatusDetail statusDetail) {
        updateStatus(status, statusDetail, null);
    }

    protected void updateStatus(ThingStatus status) {
        updateStatus(status, ThingStatusDetail.NONE, null);
    }

    /** A builder for a copy of the Thing; pass what it builds to {@link #updateThing(Thing)}. */
    protected ThingBuilder editThing() {
        return ThingBuilder.create(thing.getThingTypeUID(), thing.getUID()).withBridge(thing.getBridgeUID())
                .withChannels(thing.getChannels()).withConfiguration(thing.getConfiguration())
                .withLabel(thing.getLabel()).withLocation(thing.getLocation()).withProperties(thing.getProperties());
    }

    protected void updateThing(Thing thing) {
        if (thing == this.thing) {
            throw new IllegalArgumentException(
                    "Changes must not be done on the current thing - create a copy, e.g. via editThing()");
        }
        synchronized (this) {
            ThingHandlerCallback cb = callback;
            if (cb != null) {
                this.thing = thing;
                cb.thingUpdated(thing);
            } else {
                logger.warn("Handler {} tried updating thing {} although the handler was already disposed.",
                        getClass().getSimpleName(), thing.getUID());
            }
        }
    }

    protected Configuration editConfiguration() {
        return new Configuration(new HashMap<>(thing.getConfiguration().getProperties()));
    }

    protected void updateConfiguration(Configuration configuration) {
        Map<String, Object> properties = thing.getConfiguration().getProperties();
        Configuration current = thing.getConfiguration();
        for (String key : Map.copyOf(properties).keySet()) {
            current.remove(key);
        }
        configuration.getProperties().forEach(current::put);
        ThingHandlerCallback cb = callback;
        if (cb != null) {
            cb.thingUpdated(thing);
        }
    }

    protected Map<String, String> editProperties() {
        return new HashMap<>(thing.getProperties());
    }

    protected void updateProperties(Map<String, String> properties) {
        boolean changed = false;
        for (Entry<String, String> e : properties.entrySet()) {
            if (!Objects.equals(thing.getProperties().get(e.getKey()), e.getValue())) {
                thing.setProperty(e.getKey(), e.getValue());
                changed = true;
            }
        }
        ThingHandlerCallback cb = callback;
        if (changed && cb != null) {
            cb.thingUpdated(thing);
        }
    }

    protected void updateProperty(String name, @Nullable String value) {
        if (!Objects.equals(thing.getProperties().get(name), value)) {
            thing.setProperty(name, value);
            ThingHandlerCallback cb = callback;
            if (cb != null) {
                cb.thingUpdated(thing);
            }
        }
    }

    protected @Nullable Bridge getBridge() {
        ThingUID bridgeUID = thing.getBridgeUID();
        synchronized (this) {
            ThingHandlerCallback cb = callback;
            return bridgeUID != null && cb != null ? cb.getBridge(bridgeUID) : null;
        }
    }

    protected boolean isLinked(ChannelUID channelUID) {
        ThingHandlerCallback cb = callback;
        return cb != null && cb.isChannelLinked(channelUID);
    }

    protected boolean isLinked(String channelId) {
        return isLinked(new ChannelUID(thing.getUID(), channelId));
    }

    /** True while the Thing is ONLINE, OFFLINE or UNKNOWN, as in openHAB's ThingHandlerHelper. */
    protected boolean isInitialized() {
        ThingStatus s = getThing().getStatus();
        return s == ThingStatus.ONLINE || s == ThingStatus.OFFLINE || s == ThingStatus.UNKNOWN;
    }
}