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
package org.openhab.binding.p1meter.internal.dsmr;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Which M-Bus device is "the" gas (water, heat) meter of a telegram: the JSON reading's {@code gas}, the MQTT
 * {@code gasUsage}, Home Assistant's gas sensor, an openHAB gas Thing without channel or serial number.
 *
 * <p>
 * Without a pin it is the device of that kind with the newest reading. A meter whose gas meter was replaced keeps
 * the old one registered, with a reading from years ago, on one channel and reports the live one on another;
 * the newest reading is the live meter whatever the channels. Readings less than {@link #SAME_AGE} apart count as
 * equally new and the lowest channel wins, so that two working meters of one kind (they report at different
 * minutes) never take turns from one telegram to the next.
 *
 * <p>
 * A pin (a channel 1-4, or an equipment identifier as sent or as printed on the device) names the device instead,
 * for the case where the newest is not the one wanted; a telegram without that device then has none.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class MBusSelection {

    /** Readings closer together than this are equally new. */
    public static final Duration SAME_AGE = Duration.ofDays(1);

    /** The newest reading of each kind, nothing pinned. */
    public static final MBusSelection NEWEST = new MBusSelection(Map.of());

    /** A device named by M-Bus channel (1-4) or by equipment identifier. */
    public record Pin(int channel, @Nullable String serial) {

        /**
         * @param text {@code 1}..{@code 4} for a channel, anything else an equipment identifier, either as the meter
         *            sends it ({@code 4730303339...}) or as printed on the device ({@code G0039...})
         * @return the pin, or null for blank text
         * @throws IllegalArgumentException for a number that is no M-Bus channel
         */
        public static @Nullable Pin parse(@Nullable String text) {
            String t = text == null ? "" : text.strip();
            if (t.isEmpty()) {
                return null;
            }
            if (t.length() <= 2 && t.chars().allMatch(Character::isDigit)) {
                int channel = Integer.parseInt(t);
                if (channel < 1 || channel > 4) {
                    throw new IllegalArgumentException(
                            "an M-Bus channel is 1, 2, 3 or 4 (or give the meter's serial number), not " + t);
                }
                return new Pin(channel, null);
            }
            return new Pin(0, t);
        }

        boolean matches(MBusDevice d) {
            String s = serial;
            if (s == null) {
                return d.channel() == channel;
            }
            String sent = d.serial();
            return sent != null && (s.equalsIgnoreCase(sent) || s.equalsIgnoreCase(MBusDevice.readableSerial(sent)));
        }

        @Override
        public String toString() {
            String s = serial;
            return s == null ? "M-Bus channel " + channel : "serial " + s;
        }
    }

    private final Map<MBusDevice.Kind, Pin> pins;

    private MBusSelection(Map<MBusDevice.Kind, Pin> pins) {
        this.pins = Map.copyOf(pins);
    }

    /**
     * From the user's settings ({@code --gas-meter}, the bridge's {@code gasMeter} ...): blank for the newest.
     *
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    public static MBusSelection of(@Nullable String gas, @Nullable String water, @Nullable String heat) {
        Map<MBusDevice.Kind, Pin> pins = new EnumMap<>(MBusDevice.Kind.class);
        put(pins, MBusDevice.Kind.GAS, gas);
        put(pins, MBusDevice.Kind.WATER, water);
        put(pins, MBusDevice.Kind.HEAT, heat);
        return pins.isEmpty() ? NEWEST : new MBusSelection(pins);
    }

    private static void put(Map<MBusDevice.Kind, Pin> pins, MBusDevice.Kind kind, @Nullable String text) {
        try {
            Pin p = Pin.parse(text);
            if (p != null) {
                pins.put(kind, p);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(kind.name().toLowerCase(Locale.ROOT) + " meter: " + e.getMessage(), e);
        }
    }

    /** The pin for a kind, or null when the newest reading decides. */
    public @Nullable Pin pin(MBusDevice.Kind kind) {
        return pins.get(kind);
    }

    /** The device of {@code kind} among {@code devices} (in channel order), or null when there is none. */
    public @Nullable MBusDevice select(List<MBusDevice> devices, MBusDevice.Kind kind) {
        Pin pin = pins.get(kind);
        if (pin != null) {
            for (MBusDevice d : devices) {
                if (d.kind() == kind && pin.matches(d)) {
                    return d;
                }
            }
            return null;
        }
        OffsetDateTime newest = null;
        MBusDevice first = null;
        MBusDevice firstWithValue = null;
        for (MBusDevice d : devices) {
            if (d.kind() != kind) {
                continue;
            }
            if (first == null) {
                first = d;
            }
            if (d.hasValue()) {
                if (firstWithValue == null) {
                    firstWithValue = d;
                }
                OffsetDateTime t = d.timestamp();
                if (t != null && (newest == null || t.isAfter(newest))) {
                    newest = t;
                }
            }
        }
        if (newest == null) {
            // no reading carries a time: the first device with a reading, else the first at all
            return firstWithValue != null ? firstWithValue : first;
        }
        for (MBusDevice d : devices) {
            OffsetDateTime t = d.timestamp();
            if (d.kind() == kind && d.hasValue() && t != null && Duration.between(t, newest).compareTo(SAME_AGE) < 0) {
                return d;
            }
        }
        return firstWithValue; // not reached: the newest itself qualifies
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof MBusSelection s && pins.equals(s.pins);
    }

    @Override
    public int hashCode() {
        return pins.hashCode();
    }

    @Override
    public String toString() {
        return pins.isEmpty() ? "newest reading" : pins.toString();
    }
}
