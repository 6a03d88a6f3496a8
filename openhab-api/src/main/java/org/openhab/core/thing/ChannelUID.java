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
package org.openhab.core.thing;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mirror of openHAB's ChannelUID: the Thing UID plus the channel id (optionally {@code group#id}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ChannelUID extends UID {

    public static final String CHANNEL_GROUP_SEPARATOR = "#";

    public ChannelUID(String uid) {
        super(uid);
    }

    public ChannelUID(ThingUID thingUID, String id) {
        super(segments(thingUID, id));
    }

    private static List<String> segments(ThingUID thingUID, String id) {
        List<String> s = new ArrayList<>(List.of(thingUID.getAsString().split(SEPARATOR, -1)));
        s.add(id);
        return s;
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    /** The channel id including the group, e.g. {@code power#net}. */
    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }

    public String getIdWithoutGroup() {
        String id = getId();
        int hash = id.indexOf(CHANNEL_GROUP_SEPARATOR);
        return hash < 0 ? id : id.substring(hash + 1);
    }

    public boolean isInGroup() {
        return getId().contains(CHANNEL_GROUP_SEPARATOR);
    }

    public @Nullable String getGroupId() {
        String id = getId();
        int hash = id.indexOf(CHANNEL_GROUP_SEPARATOR);
        return hash < 0 ? null : id.substring(0, hash);
    }

    public ThingUID getThingUID() {
        List<String> all = getAllSegments();
        return new ThingUID(all.subList(0, all.size() - 1).toArray(new String[0]));
    }
}