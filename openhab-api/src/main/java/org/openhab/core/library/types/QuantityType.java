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
package org.openhab.core.library.types;

import java.math.BigDecimal;

import javax.measure.Quantity;
import javax.measure.Unit;
import javax.measure.UnitConverter;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

import tech.units.indriya.format.SimpleUnitFormat;

/**
 * Mirror of openHAB's QuantityType: a number with a unit of measurement.
 *
 * @param <T> the kind of quantity (Power, Energy, ...)
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class QuantityType<T extends Quantity<T>> extends Number implements State, Command, Comparable<QuantityType<T>> {

    private static final long serialVersionUID = 1L;

    private final BigDecimal value;
    private final transient Unit<T> unit;

    public QuantityType(Number value, Unit<T> unit) {
        this.value = value instanceof BigDecimal bd ? bd : new BigDecimal(value.toString());
        this.unit = unit;
    }

    public static <T extends Quantity<T>> QuantityType<T> valueOf(double value, Unit<T> unit) {
        return new QuantityType<>(value, unit);
    }

    public Unit<T> getUnit() {
        return unit;
    }

    public BigDecimal toBigDecimal() {
        return value;
    }

    /** The same quantity in another, compatible unit; null when the units are not compatible. */
    public @Nullable QuantityType<T> toUnit(Unit<T> target) {
        if (target.equals(unit)) {
            return this;
        }
        if (!unit.isCompatible(target)) {
            return null;
        }
        UnitConverter converter = unit.getConverterTo(target);
        return new QuantityType<>(new BigDecimal(converter.convert(value).toString()), target);
    }

    @Override
    public int intValue() {
        return value.intValue();
    }

    @Override
    public long longValue() {
        return value.longValue();
    }

    @Override
    public float floatValue() {
        return value.floatValue();
    }

    @Override
    public double doubleValue() {
        return value.doubleValue();
    }

    @Override
    public String toString() {
        return toFullString();
    }

    @Override
    public String toFullString() {
        String symbol = SimpleUnitFormat.getInstance().format(unit);
        return value.stripTrailingZeros().toPlainString() + (symbol.isEmpty() || "one".equals(symbol) ? "" : " " + symbol);
    }

    @Override
    public int compareTo(QuantityType<T> o) {
        if (unit.equals(o.unit)) {
            return value.compareTo(o.value);
        }
        QuantityType<T> converted = o.toUnit(unit);
        if (converted == null) {
            throw new IllegalArgumentException("Incompatible units: " + unit + " and " + o.unit);
        }
        return value.compareTo(converted.value);
    }

    /** Equal when unit and number are equal, whatever the number's scale. */
    @Override
    public boolean equals(@Nullable Object obj) {
        return obj instanceof QuantityType<?> other && unit.equals(other.unit) && value.compareTo(other.value) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * value.stripTrailingZeros().hashCode() + unit.hashCode();
    }
}