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
package org.openhab.core.thing.binding.builder;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.internal.ThingImpl;

/**
 * Mirror of openHAB's ThingBuilder.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ThingBuilder {

    protected final ThingTypeUID thingTypeUID;
    protected final ThingUID thingUID;
    protected @Nullable String label;
    protected final List<Channel> channels = new ArrayList<>();
    protected @Nullable Configuration configuration;
    protected @Nullable ThingUID bridgeUID;
    protected final Map<String, String> properties = new HashMap<>();
    protected @Nullable String location;

    protected ThingBuilder(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        this.thingTypeUID = thingTypeUID;
        this.thingUID = thingUID;
    }

    public static ThingBuilder create(ThingTypeUID thingTypeUID, ThingUID thingUID) {
        return new ThingBuilder(thingTypeUID, thingUID);
    }

    public static ThingBuilder create(ThingTypeUID thingTypeUID, String thingId) {
        return new ThingBuilder(thingTypeUID, new ThingUID(thingTypeUID, thingId));
    }

    public Thing build() {
        return populate(new ThingImpl(thingTypeUID, thingUID));
    }

    protected <T extends ThingImpl> T populate(T thing) {
        thing.setLabel(label);
        thing.setChannels(channels);
        thing.setConfiguration(configuration == null ? new Configuration() : configuration);
        thing.setBridgeUID(bridgeUID);
        thing.setProperties(properties);
        thing.setLocation(location);
        return thing;
    }

    public ThingBuilder withLabel(@Nullable String label) {
        this.label = label;
        return this;
    }

    /** Adds a channel; a second channel with the same UID is refused, as in openHAB. */
    public ThingBuilder withChannel(Channel channel) {
        for (Channel c : channels) {
            if (c.getUID().equals(channel.getUID())) {
                throw new IllegalArgumentException(
                        "Channel " + channel.getUID() + " already exists; a channel UID must be unique");
            }
        }
        channels.add(channel);
        return this;
    }

    public ThingBuilder withChannels(Channel... channels) {
        return withChannels(Arrays.asList(channels));
    }

    public ThingBuilder withChannels(List<Channel> channels) {
        this.channels.clear();
        for (Channel c : channels) {
            withChannel(c);
        }
        return this;
    }

    public ThingBuilder withoutChannel(ChannelUID channelUID) {
        channels.removeIf(c -> c.getUID().equals(channelUID));
        return this;
    }

    public ThingBuilder withoutChannels(List<Channel> channels) {
        for (Channel c : channels) {
            withoutChannel(c.getUID());
        }
        return this;
    }

    public ThingBuilder withConfiguration(Configuration configuration) {
        this.configuration = configuration;
        return this;
    }

    public ThingBuilder withBridge(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
        return this;
    }

    public ThingBuilder withProperties(Map<String, String> properties) {
        this.properties.putAll(properties);
        return this;
    }

    public ThingBuilder withLocation(@Nullable String location) {
        this.location = location;
        return this;
    }
}