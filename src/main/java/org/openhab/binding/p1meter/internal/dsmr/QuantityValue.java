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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A number with an optional unit, {@code (001234.567*kWh)}, stored as a {@link Quantity} in the quantity's
 * normalised unit (Wh read as kWh). The shape of most objects. Where the unit a meter writes tells which quantity
 * the object is, a second quantity takes the values written in its unit.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class QuantityValue extends ValueShape {

    private final Quantity quantity;
    private final @Nullable Quantity inItsUnit;

    QuantityValue(Quantity quantity) {
        this(quantity, null);
    }

    private QuantityValue(Quantity quantity, @Nullable Quantity inItsUnit) {
        this.quantity = quantity;
        this.inItsUnit = inItsUnit;
    }

    /** {@code quantity}, unless the value is written in the unit of {@code inItsUnit}. */
    static QuantityValue byUnit(Quantity quantity, Quantity inItsUnit) {
        return new QuantityValue(quantity, inItsUnit);
    }

    /** Whether objects of this shape can carry {@code q}. */
    boolean carries(Quantity q) {
        return q == quantity || q == inItsUnit;
    }

    @Override
    boolean read(CosemObject o, TelegramAssembly telegram) {
        if (!o.number(0, quantity.unit())) {
            return false;
        }
        Quantity other = inItsUnit;
        telegram.out().set(other != null && o.unit().normalised == other.unit() ? other : quantity, o.value());
        return true;
    }
}
