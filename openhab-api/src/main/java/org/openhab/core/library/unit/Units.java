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
package org.openhab.core.library.unit;

import javax.measure.Unit;
import javax.measure.quantity.Dimensionless;
import javax.measure.quantity.ElectricCurrent;
import javax.measure.quantity.ElectricPotential;
import javax.measure.quantity.Energy;
import javax.measure.quantity.Frequency;
import javax.measure.quantity.Power;
import javax.measure.quantity.Time;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.core.library.dimension.VolumetricFlowRate;

import tech.units.indriya.AbstractUnit;
import tech.units.indriya.format.SimpleUnitFormat;
import tech.units.indriya.function.MultiplyConverter;
import tech.units.indriya.unit.AlternateUnit;
import tech.units.indriya.unit.ProductUnit;
import tech.units.indriya.unit.TransformedUnit;

/**
 * Mirror of openHAB's Units (the part the add-on uses), built on Indriya like the real one.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Units {

    public static final Unit<Dimensionless> ONE = AbstractUnit.ONE;
    public static final Unit<ElectricCurrent> AMPERE = tech.units.indriya.unit.Units.AMPERE;
    public static final Unit<ElectricPotential> VOLT = tech.units.indriya.unit.Units.VOLT;
    public static final Unit<Power> WATT = tech.units.indriya.unit.Units.WATT;
    public static final Unit<Energy> JOULE = tech.units.indriya.unit.Units.JOULE;
    public static final Unit<Frequency> HERTZ = tech.units.indriya.unit.Units.HERTZ;
    public static final Unit<Time> HOUR = tech.units.indriya.unit.Units.HOUR;
    public static final Unit<Energy> WATT_HOUR = new TransformedUnit<>("Wh", JOULE, JOULE,
            MultiplyConverter.of(3600));
    public static final Unit<Energy> KILOWATT_HOUR = MetricPrefix.KILO(WATT_HOUR);
    public static final Unit<Power> VAR = new AlternateUnit<>(WATT, "var");
    public static final Unit<Power> KILOVAR = MetricPrefix.KILO(VAR);
    @SuppressWarnings("unchecked")
    public static final Unit<Energy> VAR_HOUR = (Unit<Energy>) new ProductUnit<>(VAR.multiply(HOUR));
    public static final Unit<Energy> KILOVAR_HOUR = MetricPrefix.KILO(VAR_HOUR);
    public static final Unit<Power> VOLT_AMPERE = new AlternateUnit<>(WATT, "VA");
    public static final Unit<Power> KILOVOLT_AMPERE = MetricPrefix.KILO(VOLT_AMPERE);
    public static final Unit<VolumetricFlowRate> CUBICMETRE_PER_HOUR = new ProductUnit<>(
            tech.units.indriya.unit.Units.CUBIC_METRE.divide(tech.units.indriya.unit.Units.HOUR));

    static {
        SimpleUnitFormat format = SimpleUnitFormat.getInstance();
        format.label(WATT_HOUR, "Wh");
        format.label(KILOWATT_HOUR, "kWh");
        format.label(KILOVAR, "kvar");
        format.label(VAR_HOUR, "varh");
        format.label(KILOVAR_HOUR, "kvarh");
        format.label(KILOVOLT_AMPERE, "kVA");
        format.label(CUBICMETRE_PER_HOUR, "m³/h");
        format.label(SIUnits.CUBIC_METRE, "m³");
    }

    private Units() {
    }
}