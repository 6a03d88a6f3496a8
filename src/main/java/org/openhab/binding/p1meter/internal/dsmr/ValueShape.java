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

/**
 * The shape of an OBIS object's value: how its value groups are read and where in the telegram the result goes.
 * The second half of a {@link ObisCatalogue} row, so that a meter family's objects are rows of data. Shapes are
 * immutable and shared by every parser; what a shape must remember between objects or telegrams lives in the
 * parser's {@link TelegramAssembly}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
abstract class ValueShape {

    /**
     * Reads the value groups of {@code o} (at least one) into the telegram being assembled.
     *
     * @return false when the groups do not have this shape: the object is then kept as an unknown one
     */
    abstract boolean read(CosemObject o, TelegramAssembly telegram);
}
