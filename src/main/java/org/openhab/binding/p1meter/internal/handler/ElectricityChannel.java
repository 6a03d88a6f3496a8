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

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.PeakDemand;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;

/**
 * The electricity channels of a bridge: one per {@link Quantity} that names a {@link Quantity.Channel} (id, item
 * type and unit come from there; here they become openHAB's types), plus the few whose state is not a quantity:
 * net power, the meter's clock and text message, the month's peak demand and its time. A channel whose state is
 * null for a telegram is one the meter does not send; the bridge only creates channels for which a telegram had
 * a state, in the order of {@link #all()}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class ElectricityChannel {

    /** openHAB's units for the units the descriptors name; "" is a dimensionless item's unit one. */
    private static final Map<String, Unit<?>> UNITS = Map.of("W", Units.WATT, "kW", MetricPrefix.KILO(Units.WATT),
            "kWh", Units.KILOWATT_HOUR, "V", Units.VOLT, "A", Units.AMPERE, "Hz", Units.HERTZ, "var", Units.VAR, "VA",
            Units.VOLT_AMPERE, "kvarh", Units.KILOVAR_HOUR, "", Units.ONE);

    public static final ElectricityChannel NET_POWER = new ElectricityChannel("net-power", "Number:Power", "W", t -> {
        double w = t.netPowerWatts();
        return Double.isNaN(w) ? null : quantity(decimal(w), Units.WATT);
    });
    public static final ElectricityChannel TEXT_MESSAGE = new ElectricityChannel("text-message", "String", "", t -> {
        String text = t.textMessage();
        return text == null ? null : new StringType(text);
    });
    public static final ElectricityChannel METER_TIMESTAMP = new ElectricityChannel("meter-timestamp", "DateTime", "",
            t -> dateTime(t.timestamp()));
    public static final ElectricityChannel PEAK_DEMAND = new ElectricityChannel("peak-demand", "Number:Power", "kW",
            t -> {
                PeakDemand peak = t.peakDemand();
                return peak == null || Double.isNaN(peak.kw()) ? null
                        : quantity(decimal(peak.kw()), MetricPrefix.KILO(Units.WATT));
            });
    public static final ElectricityChannel PEAK_DEMAND_TIMESTAMP = new ElectricityChannel("peak-demand-timestamp",
            "DateTime", "", t -> {
                PeakDemand peak = t.peakDemand();
                return peak == null ? null : dateTime(peak.timestamp());
            });

    /** Net power first, then the meter's quantities in the order of their descriptors, then the others. */
    private static final List<ElectricityChannel> ALL;

    static {
        List<ElectricityChannel> all = new ArrayList<>();
        all.add(NET_POWER);
        for (Quantity q : Quantity.values()) {
            Quantity.Channel c = q.channel();
            if (c != null) {
                all.add(new ElectricityChannel(c.id(), c.itemType(), c.unit(), reader(q, c)));
            }
        }
        all.addAll(List.of(TEXT_MESSAGE, METER_TIMESTAMP, PEAK_DEMAND, PEAK_DEMAND_TIMESTAMP));
        ALL = List.copyOf(all);
    }

    private final String id;
    private final String itemType;
    private final String unit;
    private final Function<P1Telegram, @Nullable State> reader;

    private ElectricityChannel(String id, String itemType, String unit, Function<P1Telegram, @Nullable State> reader) {
        this.id = id;
        this.itemType = itemType;
        this.unit = unit;
        this.reader = reader;
    }

    /** Every electricity channel a bridge can have. */
    public static List<ElectricityChannel> all() {
        return ALL;
    }

    /** The channel of a quantity. */
    public static ElectricityChannel of(Quantity q) {
        Quantity.Channel c = q.channel();
        ElectricityChannel channel = c == null ? null : withId(c.id());
        if (channel == null) {
            throw new IllegalArgumentException(q + " has no channel");
        }
        return channel;
    }

    /** The channel with this id; null when no electricity channel has it. */
    public static @Nullable ElectricityChannel withId(String id) {
        for (ElectricityChannel c : ALL) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** The channel id, which is also the id of its channel type. */
    public String id() {
        return id;
    }

    public String itemType() {
        return itemType;
    }

    /** The unit of the channel's state as its channel type's unit hint writes it; "" when it has none. */
    public String unit() {
        return unit;
    }

    /** The channel's state from this telegram, or null when the meter did not send what it needs. */
    public @Nullable State stateOf(P1Telegram telegram) {
        return reader.apply(telegram);
    }

    @Override
    public String toString() {
        return id;
    }

    /** How the channel of {@code q} reads its state: a plain number, or a quantity in the channel's unit. */
    private static Function<P1Telegram, @Nullable State> reader(Quantity q, Quantity.Channel c) {
        if ("Number".equals(c.itemType())) {
            return t -> t.has(q) ? new DecimalType(decimal(t.get(q))) : null;
        }
        Unit<?> unit = UNITS.get(c.unit());
        if (unit == null) {
            throw new IllegalStateException("no openHAB unit for " + c.unit() + " of channel " + c.id());
        }
        int shift = decimalShift(q, c);
        if (!q.tariffs().isEmpty()) {
            return t -> {
                BigDecimal total = t.total(q);
                return total == null ? null : quantity(total, unit);
            };
        }
        return t -> t.has(q) ? quantity(decimal(t.get(q)).movePointRight(shift), unit) : null;
    }

    /**
     * How many places the decimal point moves from the quantity's unit to the channel's: none for the same unit, 3
     * for the base unit of a k-unit (kW as W, kvar as var, kVA as VA: without binary rounding noise).
     */
    private static int decimalShift(Quantity q, Quantity.Channel c) {
        String from = q.unit().symbol();
        if (from.equals(c.unit())) {
            return 0;
        } else if (from.equals("k" + c.unit())) {
            return 3;
        }
        throw new IllegalStateException("channel " + c.id() + " in " + c.unit() + " cannot show " + q + " in " + from);
    }

    private static <Q extends javax.measure.Quantity<Q>> State quantity(BigDecimal value, Unit<Q> unit) {
        return new QuantityType<>(value, unit);
    }

    private static @Nullable State dateTime(@Nullable OffsetDateTime time) {
        return time == null ? null : new DateTimeType(time.toInstant());
    }

    /** The decimal a meter wrote: Double.toString gives back "2130.115", not its binary approximation. */
    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value);
    }
}
