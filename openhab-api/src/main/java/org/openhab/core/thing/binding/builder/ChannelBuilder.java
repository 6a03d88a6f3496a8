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

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Channel;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.type.ChannelKind;
import org.openhab.core.thing.type.ChannelTypeUID;

/**
 * Mirror of openHAB's ChannelBuilder.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ChannelBuilder {

    private final ChannelUID channelUID;
    private @Nullable String acceptedItemType;
    private ChannelKind kind = ChannelKind.STATE;
    private @Nullable ChannelTypeUID channelTypeUID;
    private @Nullable Configuration configuration;
    private Set<String> defaultTags = new LinkedHashSet<>();
    private @Nullable Map<String, String> properties;
    private @Nullable String label;
    private @Nullable String description;

    private ChannelBuilder(ChannelUID channelUID, @Nullable String acceptedItemType) {
        this.channelUID = channelUID;
        this.acceptedItemType = acceptedItemType;
    }

    public static ChannelBuilder create(ChannelUID channelUID) {
        return new ChannelBuilder(channelUID, null);
    }

    public static ChannelBuilder create(ChannelUID channelUID, @Nullable String acceptedItemType) {
        return new ChannelBuilder(channelUID, acceptedItemType);
    }

    public static ChannelBuilder create(Channel channel) {
        ChannelBuilder b = create(channel.getUID(), channel.getAcceptedItemType())
                .withConfiguration(channel.getConfiguration()).withDefaultTags(channel.getDefaultTags())
                .withKind(channel.getKind()).withProperties(channel.getProperties());
        ChannelTypeUID type = channel.getChannelTypeUID();
        if (type != null) {
            b.withType(type);
        }
        String l = channel.getLabel();
        if (l != null) {
            b.withLabel(l);
        }
        String d = channel.getDescription();
        if (d != null) {
            b.withDescription(d);
        }
        return b;
    }

    public ChannelBuilder withType(@Nullable ChannelTypeUID channelTypeUID) {
        this.channelTypeUID = channelTypeUID;
        return this;
    }

    public ChannelBuilder withAcceptedItemType(@Nullable String acceptedItemType) {
        this.acceptedItemType = acceptedItemType;
        return this;
    }

    public ChannelBuilder withConfiguration(Configuration configuration) {
        this.configuration = configuration;
        return this;
    }

    public ChannelBuilder withProperties(Map<String, String> properties) {
        this.properties = properties;
        return this;
    }

    public ChannelBuilder withLabel(String label) {
        this.label = label;
        return this;
    }

    public ChannelBuilder withDescription(String description) {
        this.description = description;
        return this;
    }

    public ChannelBuilder withDefaultTags(Set<String> defaultTags) {
        this.defaultTags = new LinkedHashSet<>(defaultTags);
        return this;
    }

    public ChannelBuilder withKind(ChannelKind kind) {
        this.kind = kind;
        return this;
    }

    public Channel build() {
        return new Channel(channelUID, channelTypeUID, acceptedItemType, kind, configuration, defaultTags, properties,
                label, description);
    }
}