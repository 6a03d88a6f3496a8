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

import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import javax.measure.Unit;
import javax.measure.quantity.Energy;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.config.MBusConfig;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.SIUnits;
import org.openhab.core.library.unit.Units;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.BridgeHandler;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;

/**
 * A device on the meter's M-Bus (gas, water, heat/cooling or a slave electricity meter). Its bridge hands it
 * every telegram; it finds its device by serial number (so a meter that moves to another M-Bus channel stays
 * the same Thing), else by channel, else as the first device of its kind.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class P1MBusHandler extends BaseThingHandler {

    /** Telegrams in a row without the device after which it is reported missing. */
    static final int MISSING_TELEGRAMS_FOR_OFFLINE = 3;
    private static final List<String> CHANNELS = List.of(CHANNEL_READING, CHANNEL_READING_TIMESTAMP, CHANNEL_FLOW);

    private static final Unit<Energy> GIGAJOULE = MetricPrefix.GIGA(Units.JOULE);

    private final MBusDevice.Kind kind;
    private final FlowRateCalculator flow = new FlowRateCalculator();
    private volatile MBusConfig config = new MBusConfig();
    private volatile RefreshThrottle throttle = new RefreshThrottle(0);
    private volatile boolean online;
    private int missing;
    /** The last flow computed from two readings (m3/h), for a flow item linked later. */
    private volatile @Nullable Double lastRate;

    public P1MBusHandler(Thing thing, MBusDevice.Kind kind) {
        super(thing);
        this.kind = kind;
    }

    public MBusDevice.Kind kind() {
        return kind;
    }

    @Override
    public void initialize() {
        MBusConfig c = getConfigAs(MBusConfig.class);
        c.serialNumber = c.serialNumber.trim();
        if (c.mbusChannel < 0 || c.mbusChannel > 4) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusText.of("offline.conf-error.mbus-channel", c.mbusChannel));
            return;
        }
        if (c.refreshInterval < 0) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusText.of("offline.conf-error.refresh-interval", c.refreshInterval));
            return;
        }
        config = c;
        throttle = new RefreshThrottle(c.refreshInterval);
        online = false;
        missing = 0;
        Bridge bridge = getBridge();
        BridgeHandler bridgeHandler = bridge == null ? null : bridge.getHandler();
        if (bridge == null || (bridgeHandler != null && !(bridgeHandler instanceof P1BridgeHandler))) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR,
                    StatusText.of("offline.conf-error.no-bridge"));
        } else if (bridge.getStatus() != ThingStatus.ONLINE) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        } else {
            updateStatus(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, StatusText.of("status.waiting"));
        }
    }

    @Override
    public void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo) {
        if (bridgeStatusInfo.getStatus() == ThingStatus.ONLINE) {
            if (!online) {
                updateStatus(ThingStatus.UNKNOWN, ThingStatusDetail.NONE, StatusText.of("status.waiting"));
            }
        } else {
            online = false;
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.BRIDGE_OFFLINE);
        }
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        if (command instanceof RefreshType) {
            Bridge bridge = getBridge();
            if (bridge != null && bridge.getHandler() instanceof P1BridgeHandler p1) {
                P1Telegram last = p1.lastTelegram();
                MBusDevice device = last == null ? null : find(last);
                State state = device == null ? null : stateOf(channelUID.getId(), device);
                if (state != null) {
                    updateState(channelUID, state);
                }
            }
        }
    }

    /**
     * Called by the bridge for every valid telegram, on the bridge's reader thread (and once with the last
     * telegram when this Thing is added, on the framework's thread: hence synchronized).
     */
    public synchronized void onTelegram(P1Telegram telegram) {
        MBusDevice device = find(telegram);
        if (device == null) {
            if (++missing == MISSING_TELEGRAMS_FOR_OFFLINE) {
                online = false;
                updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                        StatusText.of("offline.comm-error.device-missing", describeWanted(), describe(telegram)));
            }
            return;
        }
        missing = 0;
        if (!online) {
            // properties first: a Thing seen ONLINE is complete (as the bridge does it)
            String serial = device.serial();
            if (serial != null) {
                updateProperty(PROPERTY_SERIAL_NUMBER, serial);
            }
            updateProperty(PROPERTY_MBUS_CHANNEL, Integer.toString(device.channel()));
            online = true;
            updateStatus(ThingStatus.ONLINE);
        }
        OffsetDateTime ts = device.timestamp();
        Instant readAt = ts == null ? Instant.now() : ts.toInstant();
        Double rate = kind == MBusDevice.Kind.GAS || kind == MBusDevice.Kind.WATER ? flow.update(readAt, device.value())
                : null;
        if (rate != null) {
            lastRate = rate;
        }
        if (!throttle.due(System.nanoTime())) {
            return;
        }
        for (String channel : CHANNELS) {
            State state = stateOf(channel, device);
            if (state != null && (!CHANNEL_FLOW.equals(channel) || rate != null)) {
                updateState(channel, state);
            }
        }
    }

    /** A channel's state for the device's reading (also for an item linked later: openHAB asks with REFRESH). */
    private @Nullable State stateOf(String channelId, MBusDevice device) {
        OffsetDateTime ts = device.timestamp();
        Double rate = lastRate;
        return switch (channelId) {
            case CHANNEL_READING -> readingState(device);
            case CHANNEL_READING_TIMESTAMP -> ts == null ? null : new DateTimeType(ts.toInstant());
            case CHANNEL_FLOW ->
                rate == null ? null : new QuantityType<>(BigDecimal.valueOf(rate), Units.CUBICMETRE_PER_HOUR);
            default -> null;
        };
    }

    /**
     * This Thing's device in the telegram, or null: by serial number, else by channel, else the bridge's device of
     * this kind (the newest reading, or the one its gasMeter/waterMeter/heatMeter setting names).
     */
    @Nullable
    MBusDevice find(P1Telegram telegram) {
        MBusConfig c = config;
        if (c.serialNumber.isEmpty() && c.mbusChannel == 0) {
            MBusDevice d = telegram.mbus(kind);
            return d != null && d.hasValue() ? d : null;
        }
        for (MBusDevice d : telegram.mbus()) {
            if (d.kind() != kind || !d.hasValue()) {
                continue;
            }
            if (!c.serialNumber.isEmpty()) {
                if (c.serialNumber.equalsIgnoreCase(d.serial())) {
                    return d;
                }
            } else if (c.mbusChannel == d.channel()) {
                return d;
            }
        }
        return null;
    }

    /**
     * False for a device without a usable equipment identifier (none, or all zeros): discovery cannot name a
     * Thing after it, and such a device is found by channel instead.
     */
    public static boolean isRegistered(MBusDevice device) {
        String serial = device.serial();
        return serial != null && !serial.isBlank() && !serial.chars().allMatch(ch -> ch == '0');
    }

    private State readingState(MBusDevice device) {
        BigDecimal value = BigDecimal.valueOf(device.value());
        switch (device.unit()) {
            case GJ:
                return new QuantityType<>(value, GIGAJOULE);
            case KWH:
                return new QuantityType<>(value, Units.KILOWATT_HOUR);
            case M3:
                return new QuantityType<>(value, SIUnits.CUBIC_METRE);
            default:
                // no unit sent: what this kind of device counts in
                return switch (kind) {
                    case HEAT -> new QuantityType<>(value, GIGAJOULE);
                    case ELECTRICITY -> new QuantityType<>(value, Units.KILOWATT_HOUR);
                    default -> new QuantityType<>(value, SIUnits.CUBIC_METRE);
                };
        }
    }

    private String describeWanted() {
        MBusConfig c = config;
        String what = kind.name().toLowerCase() + " meter";
        if (!c.serialNumber.isEmpty()) {
            return what + " with serial number " + c.serialNumber;
        }
        return c.mbusChannel == 0 ? what : what + " on M-Bus channel " + c.mbusChannel;
    }

    private static String describe(P1Telegram telegram) {
        if (telegram.mbus().isEmpty()) {
            return "none";
        }
        return telegram.mbus().stream()
                .map(d -> "channel " + d.channel() + " " + d.kind().name().toLowerCase() + " " + d.serial())
                .collect(Collectors.joining(", "));
    }
}
