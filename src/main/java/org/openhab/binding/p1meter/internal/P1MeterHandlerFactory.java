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
package org.openhab.binding.p1meter.internal;

import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.handler.P1MBusHandler;
import org.openhab.binding.p1meter.internal.handler.SerialBridgeHandler;
import org.openhab.binding.p1meter.internal.handler.TcpBridgeHandler;
import org.openhab.binding.p1meter.internal.serial.SerialSources;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.BaseThingHandlerFactory;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Creates the handlers of the P1 meter's Things.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(configurationPid = "binding.p1meter", service = ThingHandlerFactory.class)
public class P1MeterHandlerFactory extends BaseThingHandlerFactory {

    private final P1BridgeRegistryImpl registry;

    /**
     * Optional and dynamic: openHAB's serial transport is a separate feature. Without it TCP bridges, M-Bus
     * Things and the outputs work, and a serial bridge says what to install.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile @Nullable SerialSources serialSources;

    @Activate
    public P1MeterHandlerFactory(@Reference P1BridgeRegistryImpl registry) {
        this.registry = registry;
    }

    @Override
    public boolean supportsThingType(ThingTypeUID thingTypeUID) {
        return SUPPORTED_THING_TYPES.contains(thingTypeUID);
    }

    @Override
    protected @Nullable ThingHandler createHandler(Thing thing) {
        ThingTypeUID type = thing.getThingTypeUID();
        if (THING_TYPE_SERIAL.equals(type)) {
            return new SerialBridgeHandler((Bridge) thing, registry, () -> serialSources);
        } else if (THING_TYPE_TCP.equals(type)) {
            return new TcpBridgeHandler((Bridge) thing, registry);
        } else if (THING_TYPE_GAS.equals(type)) {
            return new P1MBusHandler(thing, MBusDevice.Kind.GAS);
        } else if (THING_TYPE_WATER.equals(type)) {
            return new P1MBusHandler(thing, MBusDevice.Kind.WATER);
        } else if (THING_TYPE_HEAT.equals(type)) {
            return new P1MBusHandler(thing, MBusDevice.Kind.HEAT);
        } else if (THING_TYPE_ELECTRICITY.equals(type)) {
            return new P1MBusHandler(thing, MBusDevice.Kind.ELECTRICITY);
        }
        return null;
    }
}
