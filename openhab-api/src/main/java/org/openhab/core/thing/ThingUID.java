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

/**
 * Mirror of openHAB's ThingUID: {@code binding:type:[bridge ids:]id}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class ThingUID extends UID {

    public ThingUID(String uid) {
        super(uid);
    }

    public ThingUID(String bindingId, String id) {
        super(bindingId, "", id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), bridgeUID, id));
    }

    public ThingUID(String... segments) {
        super(segments);
    }

    private static List<String> segments(String bindingId, String typeId, ThingUID bridgeUID, String id) {
        List<String> s = new ArrayList<>();
        s.add(bindingId);
        s.add(typeId);
        s.addAll(bridgeUID.getBridgeIds());
        s.add(bridgeUID.getId());
        s.add(id);
        return s;
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 3;
    }

    /** The ids of the bridges in the path, outermost first. */
    public List<String> getBridgeIds() {
        List<String> all = getAllSegments();
        return all.subList(2, all.size() - 1);
    }

    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }
}