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

import javax.measure.Quantity;
import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Mirror of openHAB's MetricPrefix: derives a unit by a power of ten (there is no {@code Units.KILOWATT}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class MetricPrefix {

    public static <T extends Quantity<T>> Unit<T> GIGA(Unit<T> unit) {
        return javax.measure.MetricPrefix.GIGA(unit);
    }

    public static <T extends Quantity<T>> Unit<T> MEGA(Unit<T> unit) {
        return javax.measure.MetricPrefix.MEGA(unit);
    }

    public static <T extends Quantity<T>> Unit<T> KILO(Unit<T> unit) {
        return javax.measure.MetricPrefix.KILO(unit);
    }

    public static <T extends Quantity<T>> Unit<T> MILLI(Unit<T> unit) {
        return javax.measure.MetricPrefix.MILLI(unit);
    }
}