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
package org.openhab.binding.p1meter.internal.handler;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.types.State;

/**
 * A Mockito {@link ThingHandlerCallback} that behaves like the framework where the handlers rely on it: a
 * status update sets the Thing's status, a replaced Thing keeps it, bridges are looked up by UID. It also records what
 * it was told.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class RecordingCallback {

    final ThingHandlerCallback mock = mock(ThingHandlerCallback.class);
    /** The last state of every channel, by channel UID. */
    final Map<String, State> states = new ConcurrentHashMap<>();
    /** Every state update, in order, as "channelId=state". */
    final List<String> updates = new CopyOnWriteArrayList<>();
    /** Every status update, by Thing UID, in order. */
    final Map<String, List<ThingStatusInfo>> statuses = new ConcurrentHashMap<>();
    private final Map<ThingUID, Bridge> bridges = new ConcurrentHashMap<>();

    RecordingCallback() {
        doAnswer(inv -> {
            ChannelUID uid = inv.getArgument(0);
            State state = inv.getArgument(1);
            states.put(uid.getAsString(), state);
            updates.add(uid.getId() + "=" + state);
            return null;
        }).when(mock).stateUpdated(any(), any());
        doAnswer(inv -> {
            Thing thing = inv.getArgument(0);
            ThingStatusInfo info = inv.getArgument(1);
            thing.setStatusInfo(info);
            statuses.computeIfAbsent(thing.getUID().getAsString(), k -> new CopyOnWriteArrayList<>()).add(info);
            return null;
        }).when(mock).statusUpdated(any(), any());
        doAnswer(inv -> {
            // like openHAB's ThingManager: the Thing that replaces another keeps its status
            Thing thing = inv.getArgument(0);
            List<ThingStatusInfo> known = statuses.get(thing.getUID().getAsString());
            if (known != null && !known.isEmpty()) {
                thing.setStatusInfo(known.get(known.size() - 1));
            }
            return null;
        }).when(mock).thingUpdated(any());
        when(mock.getBridge(any())).thenAnswer(inv -> bridges.get(inv.getArgument(0)));
    }

    void addBridge(Bridge bridge) {
        bridges.put(bridge.getUID(), bridge);
    }

    @Nullable
    State state(Thing thing, String channelId) {
        return states.get(new ChannelUID(thing.getUID(), channelId).getAsString());
    }

    List<ThingStatusInfo> statuses(Thing thing) {
        return statuses.getOrDefault(thing.getUID().getAsString(), List.of());
    }

    long updatesOf(String channelId) {
        return updates.stream().filter(u -> u.startsWith(channelId + "=")).count();
    }
}
