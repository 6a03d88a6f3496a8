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

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentContext;

/**
 * Mirror of openHAB's BaseThingHandlerFactory: subclasses say which Thing types they support and create the
 * handlers. Declarative Services call {@code activate}/{@code deactivate} by name.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public abstract class BaseThingHandlerFactory implements ThingHandlerFactory {

    protected @Nullable BundleContext bundleContext;

    private final Map<ThingUID, ThingHandler> handlers = new ConcurrentHashMap<>();

    protected void activate(ComponentContext componentContext) {
        this.bundleContext = componentContext.getBundleContext();
    }

    protected void deactivate(ComponentContext componentContext) {
        for (ThingHandler h : handlers.values()) {
            removeHandler(h);
        }
        handlers.clear();
        this.bundleContext = null;
    }

    protected BundleContext getBundleContext() {
        BundleContext bc = bundleContext;
        if (bc == null) {
            throw new IllegalStateException("The bundle context is missing (is the factory activated?)");
        }
        return bc;
    }

    @Override
    public abstract boolean supportsThingType(ThingTypeUID thingTypeUID);

    protected abstract @Nullable ThingHandler createHandler(Thing thing);

    @Override
    public final ThingHandler registerHandler(Thing thing) {
        ThingHandler handler = createHandler(thing);
        if (handler == null) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " could not create a handler for the thing '" + thing.getUID() + "'.");
        }
        handlers.put(thing.getUID(), handler);
        return handler;
    }

    @Override
    public final void unregisterHandler(Thing thing) {
        ThingHandler handler = handlers.remove(thing.getUID());
        if (handler != null) {
            removeHandler(handler);
        }
    }

    protected void removeHandler(ThingHandler thingHandler) {
    }

    @Override
    public void removeThing(ThingUID thingUID) {
    }
}