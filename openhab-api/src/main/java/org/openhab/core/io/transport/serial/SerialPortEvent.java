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

/**
 * Mirror of openHAB's SerialPortEvent.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface SerialPortEvent {

    int DATA_AVAILABLE = 1;
    int OUTPUT_BUFFER_EMPTY = 2;
    int CTS = 3;
    int DSR = 4;
    int RI = 5;
    int CD = 6;
    int OE = 7;
    int PE = 8;
    int FE = 9;
    int BI = 10;

    int getEventType();

    boolean getNewValue();
}