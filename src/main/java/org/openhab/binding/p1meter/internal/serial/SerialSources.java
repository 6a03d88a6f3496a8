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
package org.openhab.binding.p1meter.internal.serial;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.reader.P1Source;

/**
 * Opens P1 sources on serial ports. Its signature names no class of openHAB's serial transport, which is an
 * optional import: the handler factory and the serial bridge depend on this interface only, so the add-on
 * starts (TCP bridges, outputs, dashboard) when the transport is not installed, and the serial bridge can say
 * what to install.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface SerialSources {

    /**
     * A source for the given port.
     *
     * @param baudRate {@code auto} or one of the supported rates
     * @throws IllegalArgumentException when the baud rate setting is not one we know, with a message saying so
     */
    P1Source create(String port, String baudRate);
}
