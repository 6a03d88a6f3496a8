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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/**
 * Mirror of openHAB's ThingHandlerFactory (the part the add-on uses).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface ThingHandlerFactory {

    boolean supportsThingType(ThingTypeUID thingTypeUID);

    ThingHandler registerHandler(Thing thing);

    void unregisterHandler(Thing thing);

    void removeThing(ThingUID thingUID);
}