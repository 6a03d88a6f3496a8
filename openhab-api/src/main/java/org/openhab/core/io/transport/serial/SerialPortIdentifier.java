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
package org.openhab.core.io.transport.serial;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Mirror of openHAB's SerialPortIdentifier.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface SerialPortIdentifier {

    String getName();

    /**
     * @param owner who opens it (shown to others that find it in use)
     * @param timeout milliseconds to wait for the port
     */
    SerialPort open(String owner, int timeout) throws PortInUseException;

    boolean isCurrentlyOwned();

    @Nullable
    String getCurrentOwner();
}