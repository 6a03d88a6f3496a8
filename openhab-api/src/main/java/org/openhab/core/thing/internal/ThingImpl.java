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
package org.openhab.core.thing.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandler;

/**
 * Mirror of openHAB's ThingImpl.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ThingImpl implements Thing {

    private final ThingUID uid;
    private final ThingTypeUID thingTypeUID;
    private @Nullable String label;
    private @Nullable ThingUID bridgeUID;
    private List<Channel> channels = new ArrayList<>();
    private Configuration configuration = new Configuration();
    private Map<String, String> properties = new HashMap<>();
    private @Nullable String location;
    private volatile ThingStatusInfo status = new ThingStatusInfo(ThingStatus.UNINITIALIZED, ThingStatusDetail.NONE,
            null);
    private volatile @Nullable ThingHandler handler;

    public ThingImpl(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        this.uid = thingUID;
        this.thingTypeUID = thingTypeUID;
    }

    @Override
    public @Nullable String getLabel() {
        return label;
    }

    @Override
    public void setLabel(@Nullable String label) {
        this.label = label;
    }

    @Override
    public List<Channel> getChannels() {
        return Collections.unmodifiableList(channels);
    }

    public void setChannels(List<Channel> channels) {
        this.channels = new ArrayList<>(channels);
    }

    @Override
    public @Nullable Channel getChannel(String channelId) {
        for (Channel c : channels) {
            if (c.getUID().getId().equals(channelId)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public @Nullable Channel getChannel(ChannelUID channelUID) {
        for (Channel c : channels) {
            if (c.getUID().equals(channelUID)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public ThingStatus getStatus() {
        return status.getStatus();
    }

    @Override
    public ThingStatusInfo getStatusInfo() {
        return status;
    }

    @Override
    public void setStatusInfo(ThingStatusInfo status) {
        this.status = status;
    }

    @Override
    public void setHandler(@Nullable ThingHandler thingHandler) {
        this.handler = thingHandler;
    }

    @Override
    public @Nullable ThingHandler getHandler() {
        return handler;
    }

    @Override
    public @Nullable ThingUID getBridgeUID() {
        return bridgeUID;
    }

    @Override
    public void setBridgeUID(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
    }

    @Override
    public Configuration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(@Nullable Configuration configuration) {
        this.configuration = configuration == null ? new Configuration() : configuration;
    }

    @Override
    public ThingUID getUID() {
        return uid;
    }

    @Override
    public ThingTypeUID getThingTypeUID() {
        return thingTypeUID;
    }

    @Override
    public Map<String, String> getProperties() {
        return Collections.unmodifiableMap(new HashMap<>(properties));
    }

    @Override
    public synchronized @Nullable String setProperty(String name, @Nullable String value) {
        return value == null ? properties.remove(name) : properties.put(name, value);
    }

    @Override
    public void setProperties(Map<String, String> properties) {
        this.properties = new HashMap<>(properties);
    }

    @Override
    public @Nullable String getLocation() {
        return location;
    }

    @Override
    public void setLocation(@Nullable String location) {
        this.location = location;
    }

    @Override
    public boolean isEnabled() {
        return status.getStatusDetail() != ThingStatusDetail.DISABLED;
    }

    @Override
    public String toString() {
        return "Thing[" + uid + ", " + status + "]";
    }
}