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
import javax.measure.quantity.Length;
import javax.measure.quantity.Volume;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Mirror of openHAB's SIUnits (the part the add-on uses).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class SIUnits {

    public static final Unit<Length> METRE = tech.units.indriya.unit.Units.METRE;
    public static final Unit<Volume> CUBIC_METRE = tech.units.indriya.unit.Units.CUBIC_METRE;

    private SIUnits() {
    }
}