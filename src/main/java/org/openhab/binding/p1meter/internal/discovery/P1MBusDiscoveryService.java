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
package org.openhab.binding.p1meter.internal.discovery;

import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.handler.P1BridgeHandler;
import org.openhab.binding.p1meter.internal.handler.P1MBusHandler;
import org.openhab.core.config.discovery.AbstractThingHandlerDiscoveryService;
import org.openhab.core.config.discovery.DiscoveryResultBuilder;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Puts the M-Bus devices (gas, water, heat, slave electricity) that a bridge's telegrams carry into the Inbox,
 * each once per bridge session, identified by its serial number.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Component(scope = ServiceScope.PROTOTYPE, service = P1MBusDiscoveryService.class)
public class P1MBusDiscoveryService extends AbstractThingHandlerDiscoveryService<P1BridgeHandler> {

    private static final int SCAN_TIMEOUT_SECONDS = 15;

    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public P1MBusDiscoveryService() {
        super(P1BridgeHandler.class, MBUS_THING_TYPES, SCAN_TIMEOUT_SECONDS, true);
    }

    @Override
    public void initialize() {
        thingHandler.setDiscoveryService(this);
        super.initialize();
    }

    @Override
    public void dispose() {
        super.dispose();
        thingHandler.setDiscoveryService(null);
    }

    @Override
    protected void startScan() {
        // a manual scan reports again what was reported before (the user may have ignored or deleted it)
        reported.clear();
        P1Telegram last = thingHandler.lastTelegram();
        if (last != null) {
            devicesSeen(last.mbus());
        }
    }

    /** Reports the devices not reported yet; called by the bridge for every telegram. */
    public void devicesSeen(List<MBusDevice> devices) {
        for (MBusDevice device : devices) {
            ThingTypeUID type = thingTypeOf(device.kind());
            String serial = device.serial();
            if (type == null || serial == null || !P1MBusHandler.isRegistered(device) || !device.hasValue()) {
                continue;
            }
            if (!reported.add(type.getId() + ":" + serial)) {
                continue;
            }
            ThingUID bridgeUID = thingHandler.getThing().getUID();
            ThingUID uid = new ThingUID(type, bridgeUID, thingId(serial));
            thingDiscovered(DiscoveryResultBuilder.create(uid).withThingType(type).withBridge(bridgeUID)
                    .withProperty(PROPERTY_SERIAL_NUMBER, serial).withProperty(CONFIG_MBUS_CHANNEL, device.channel())
                    .withRepresentationProperty(PROPERTY_SERIAL_NUMBER).withLabel(label(device.kind(), serial))
                    .build());
        }
    }

    static @Nullable ThingTypeUID thingTypeOf(MBusDevice.Kind kind) {
        return switch (kind) {
            case GAS -> THING_TYPE_GAS;
            case WATER -> THING_TYPE_WATER;
            case HEAT -> THING_TYPE_HEAT;
            case ELECTRICITY -> THING_TYPE_ELECTRICITY;
            default -> null;
        };
    }

    /** A Thing id from the serial number: letters, digits and '-' only. */
    static String thingId(String serial) {
        return serial.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** "Gas meter G0039001936990619": DSMR sends the id as hex-encoded ASCII, shown decoded when it is. */
    static String label(MBusDevice.Kind kind, String serial) {
        String what = switch (kind) {
            case GAS -> "Gas meter";
            case WATER -> "Water meter";
            case HEAT -> "Heat meter";
            default -> "Electricity meter";
        };
        return what + " " + readableSerial(serial);
    }

    static String readableSerial(String serial) {
        if (serial.length() % 2 != 0 || !serial.matches("[0-9A-Fa-f]+")) {
            return serial;
        }
        byte[] bytes = new byte[serial.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = Integer.parseInt(serial.substring(2 * i, 2 * i + 2), 16);
            if (b < 0x20 || b > 0x7e) {
                return serial;
            }
            bytes[i] = (byte) b;
        }
        return new String(bytes, StandardCharsets.US_ASCII).trim();
    }
}
