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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.slf4j.LoggerFactory;

/**
 * Mirror of openHAB's DiscoveryResultBuilder.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class DiscoveryResultBuilder {

    private final ThingUID thingUID;
    private @Nullable ThingUID bridgeUID;
    private @Nullable ThingTypeUID thingTypeUID;
    private final Map<String, Object> properties = new HashMap<>();
    private @Nullable String representationProperty;
    private @Nullable String label;
    private long ttl = DiscoveryResult.TTL_UNLIMITED;

    private DiscoveryResultBuilder(ThingUID thingUID) {
        this.thingUID = thingUID;
    }

    public static DiscoveryResultBuilder create(ThingUID thingUID) {
        return new DiscoveryResultBuilder(thingUID);
    }

    public DiscoveryResultBuilder withThingType(@Nullable ThingTypeUID thingTypeUID) {
        this.thingTypeUID = thingTypeUID;
        return this;
    }

    public DiscoveryResultBuilder withProperties(@Nullable Map<String, Object> properties) {
        if (properties != null) {
            this.properties.putAll(properties);
        }
        return this;
    }

    public DiscoveryResultBuilder withProperty(String key, Object value) {
        this.properties.put(key, value);
        return this;
    }

    public DiscoveryResultBuilder withRepresentationProperty(@Nullable String representationProperty) {
        this.representationProperty = representationProperty;
        return this;
    }

    public DiscoveryResultBuilder withLabel(@Nullable String label) {
        this.label = label;
        return this;
    }

    public DiscoveryResultBuilder withBridge(@Nullable ThingUID bridgeUID) {
        this.bridgeUID = bridgeUID;
        return this;
    }

    public DiscoveryResultBuilder withTTL(long ttl) {
        this.ttl = ttl;
        return this;
    }

    public DiscoveryResult build() {
        ThingTypeUID type = thingTypeUID;
        if (type == null) {
            List<String> segments = List.of(thingUID.getAsString().split(":"));
            type = new ThingTypeUID(segments.get(0), segments.get(1));
        }
        String rp = representationProperty;
        if (rp != null && !properties.containsKey(rp)) {
            LoggerFactory.getLogger(DiscoveryResultBuilder.class).warn(
                    "Representation property '{}' of discovery result for thing '{}' is missing in properties map.",
                    rp, thingUID);
        }
        return new Result(thingUID, type, bridgeUID, Map.copyOf(properties), rp, label == null ? "" : label, ttl,
                Instant.now());
    }

    private record Result(ThingUID getThingUID, ThingTypeUID getThingTypeUID, @Nullable ThingUID getBridgeUID,
            Map<String, Object> getProperties, @Nullable String getRepresentationProperty, String getLabel,
            long getTimeToLive, Instant getCreationTime) implements DiscoveryResult {

        @Override
        public String getBindingId() {
            return getThingUID.getBindingId();
        }

        @Override
        public DiscoveryResultFlag getFlag() {
            return DiscoveryResultFlag.NEW;
        }
    }
}