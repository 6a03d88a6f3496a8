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

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingUID;
import org.openhab.core.thing.binding.builder.BridgeBuilder;

/**
 * Mirror of openHAB's BaseBridgeHandler.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class BaseBridgeHandler extends BaseThingHandler implements BridgeHandler {

    public BaseBridgeHandler(Bridge bridge) {
        super(bridge);
    }

    @Override
    public Bridge getThing() {
        return (Bridge) super.getThing();
    }

    @Override
    public void childHandlerInitialized(ThingHandler childHandler, Thing childThing) {
    }

    @Override
    public void childHandlerDisposed(ThingHandler childHandler, Thing childThing) {
    }

    @Override
    protected BridgeBuilder editThing() {
        Bridge bridge = getThing();
        return BridgeBuilder.create(bridge.getThingTypeUID(), bridge.getUID()).withBridge(bridge.getBridgeUID())
                .withChannels(bridge.getChannels()).withConfiguration(bridge.getConfiguration())
                .withLabel(bridge.getLabel()).withLocation(bridge.getLocation())
                .withProperties(bridge.getProperties());
    }

    /** The handlers of the Things attached to this bridge. */
    protected List<ThingHandler> getChildHandlers() {
        List<ThingHandler> handlers = new ArrayList<>();
        for (Thing t : getThing().getThings()) {
            ThingHandler h = t.getHandler();
            if (h != null) {
                handlers.add(h);
            }
        }
        return handlers;
    }

    protected ThingUID getBridgeUID() {
        return getThing().getUID();
    }
}